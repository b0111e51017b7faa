package org.lectern.studio;

import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lectern.content.ChapterMoves;
import org.lectern.content.CourseSource;
import org.lectern.content.CourseSource.QuestionSource;

/**
 * The published questions with learners' attempts whose answer key a publish would change (the correct options,
 * the expected output or line order, or the kind), so the author can decide whether those attempts are regraded.
 */
final class AnswerChanges {
    private final DSLContext dsl;

    AnswerChanges(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A question whose answer key changes, where it is, and how many attempts it has. */
    record Changed(long questionId, String key, String chapterTitle, int attempts) {}

    List<Changed> find(CourseSource next) {
        var attempts = DSL.count(QUESTION_ATTEMPT.ID);
        var rows = dsl.select(
                        QUESTION.ID,
                        QUESTION.QUESTION_KEY,
                        QUESTION.KIND,
                        QUESTION.ANSWER,
                        SECTION.SLUG,
                        CHAPTER.SLUG,
                        CHAPTER.TITLE,
                        attempts)
                .from(QUESTION)
                .join(QUESTION_ATTEMPT)
                .on(QUESTION_ATTEMPT.QUESTION_ID.eq(QUESTION.ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(COURSE.SLUG.eq(next.slug()).and(QUESTION.RETIRED_AT.isNull()))
                .groupBy(
                        QUESTION.ID,
                        QUESTION.QUESTION_KEY,
                        QUESTION.KIND,
                        QUESTION.ANSWER,
                        SECTION.SLUG,
                        CHAPTER.SLUG,
                        CHAPTER.TITLE)
                .orderBy(QUESTION.ID)
                .fetch();
        Map<Long, Set<String>> correct = dsl
                .select(QUESTION_OPTION.QUESTION_ID, QUESTION_OPTION.OPTION_KEY)
                .from(QUESTION_OPTION)
                .where(QUESTION_OPTION.QUESTION_ID.in(rows.getValues(QUESTION.ID)))
                .and(QUESTION_OPTION.CORRECT.isTrue())
                .and(QUESTION_OPTION.RETIRED_AT.isNull())
                .fetchGroups(QUESTION_OPTION.QUESTION_ID, QUESTION_OPTION.OPTION_KEY)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new TreeSet<>(e.getValue())));
        Map<ChapterMoves.Place, String> moves = ChapterMoves.into(dsl, next);
        List<Changed> changed = new ArrayList<>();
        for (var row : rows) {
            String section = moves.getOrDefault(new ChapterMoves.Place(row.value5(), row.value6()), row.value5());
            Optional<QuestionSource> after = question(next, section, row.value6(), row.value2());
            if (after.isEmpty()) {
                continue; // leaving the files retires it; its attempts stay as they were
            }
            Set<String> correctBefore = correct.getOrDefault(row.value1(), new TreeSet<>());
            Set<String> correctAfter = after.get().options().stream()
                    .filter(CourseSource.OptionSource::correct)
                    .map(CourseSource.OptionSource::key)
                    .collect(Collectors.toCollection(TreeSet::new));
            boolean same = after.get().kind().code().equals(row.value3())
                    && Objects.equals(after.get().answer(), row.value4())
                    && correctBefore.equals(correctAfter);
            if (!same) {
                changed.add(new Changed(row.value1(), row.value2(), row.value7(), row.value8()));
            }
        }
        return changed;
    }

    private static Optional<QuestionSource> question(CourseSource course, String section, String chapter, String key) {
        return course.sections().stream()
                .filter(s -> s.slug().equals(section))
                .flatMap(s -> s.chapters().stream())
                .filter(c -> c.slug().equals(chapter))
                .flatMap(c -> c.questions().stream())
                .filter(q -> q.key().equals(key))
                .findFirst();
    }
}
