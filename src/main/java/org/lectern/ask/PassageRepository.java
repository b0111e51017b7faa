package org.lectern.ask;

import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.content.PassageReader;

/** Reads every published chapter, and the current questions of its quiz, as passages for the index. */
final class PassageRepository {
    private final DSLContext dsl;
    private final Catalog catalog;

    PassageRepository(DSLContext dsl, Catalog catalog) {
        this.dsl = dsl;
        this.catalog = catalog;
    }

    List<Passage> all() {
        List<Passage> passages = new ArrayList<>();
        for (CourseOutline course : catalog.all()) {
            List<CourseOutline.Located> chapters = course.chapters();
            List<Long> ids = chapters.stream().map(l -> l.chapter().id()).toList();
            Map<Long, String> bodies = dsl.select(CHAPTER.ID, CHAPTER.BODY_MD)
                    .from(CHAPTER)
                    .where(CHAPTER.ID.in(ids))
                    .fetchMap(CHAPTER.ID, CHAPTER.BODY_MD);
            Map<Long, List<Question>> quizzes = questions(ids);
            for (CourseOutline.Located at : chapters) {
                long id = at.chapter().id();
                for (PassageReader.Block block : PassageReader.blocks(bodies.getOrDefault(id, ""))) {
                    passages.add(passage(course, at, block.headingId(), block.heading(), kind(block), block.text()));
                }
                for (Question q : quizzes.getOrDefault(id, List.of())) {
                    passages.add(
                            passage(course, at, "q-" + q.id(), shortened(q.prompt()), Passage.Kind.QUIZ, q.text()));
                }
            }
        }
        return passages;
    }

    /** The Markdown of one chapter, for the prompt's "current chapter". */
    Optional<String> chapterMarkdown(long chapterId) {
        return dsl.select(CHAPTER.BODY_MD)
                .from(CHAPTER)
                .where(CHAPTER.ID.eq(chapterId).and(CHAPTER.RETIRED_AT.isNull()))
                .fetchOptional(CHAPTER.BODY_MD);
    }

    private record Question(long id, String prompt, String text) {}

    /** Each current question with its explanation and its options' explanations, as one text. */
    private Map<Long, List<Question>> questions(List<Long> chapterIds) {
        var explanations = DSL.select(
                        QUESTION_OPTION.QUESTION_ID,
                        DSL.listAgg(
                                        QUESTION_OPTION
                                                .BODY_MD
                                                .concat(DSL.inline(": "))
                                                .concat(QUESTION_OPTION.EXPLANATION_MD),
                                        "\n")
                                .withinGroupOrderBy(QUESTION_OPTION.POSITION)
                                .as("options"))
                .from(QUESTION_OPTION)
                .where(QUESTION_OPTION.RETIRED_AT.isNull())
                .groupBy(QUESTION_OPTION.QUESTION_ID)
                .asTable("e");
        var options = explanations.field("options", String.class);
        var questionId = explanations.field(QUESTION_OPTION.QUESTION_ID);
        return dsl
                .select(QUESTION.CHAPTER_ID, QUESTION.ID, QUESTION.PROMPT_MD, QUESTION.EXPLANATION_MD, options)
                .from(QUESTION)
                .leftJoin(explanations)
                .on(questionId.eq(QUESTION.ID))
                .where(QUESTION.CHAPTER_ID.in(chapterIds).and(QUESTION.RETIRED_AT.isNull()))
                .orderBy(QUESTION.CHAPTER_ID, QUESTION.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        r -> r.value1(),
                        Collectors.mapping(
                                r -> {
                                    String prompt = PassageReader.text(r.value3());
                                    String text = String.join(
                                            "\n",
                                            prompt,
                                            PassageReader.text(r.value4()),
                                            PassageReader.text(r.value5() == null ? "" : r.value5()));
                                    return new Question(r.value2(), prompt, text.strip());
                                },
                                Collectors.toList())));
    }

    private static String shortened(String prompt) {
        String line = prompt.strip().replaceAll("\\s+", " ");
        return line.length() <= 100 ? line : line.substring(0, 99) + "…";
    }

    private static Passage.Kind kind(PassageReader.Block block) {
        return block.code() ? Passage.Kind.CODE : Passage.Kind.TEXT;
    }

    private static Passage passage(
            CourseOutline course,
            CourseOutline.Located at,
            String anchor,
            String heading,
            Passage.Kind kind,
            String text) {
        return new Passage(
                at.chapter().id(),
                course.slug(),
                at.path(course.slug()),
                at.chapter().title(),
                anchor,
                heading.isEmpty() ? at.chapter().title() : heading,
                kind,
                text,
                at.chapter().free());
    }
}
