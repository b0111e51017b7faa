package org.lectern.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lectern.content.ChapterMoves;
import org.lectern.content.CourseSource;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.QuestionSource;

/**
 * What importing a course's files would change against what is published: chapters and questions added, changed
 * and removed, and how many learners' answers each removed question holds (they are kept either way).
 */
record ImportPreview(
        String slug,
        boolean newCourse,
        List<String> addedChapters,
        List<String> changedChapters,
        List<String> removedChapters,
        List<String> movedChapters,
        List<String> addedQuestions,
        List<String> changedQuestions,
        List<RemovedQuestion> removedQuestions) {

    /** A question leaving the course, with the attempts learners made at it. */
    record RemovedQuestion(String where, int attempts) {}

    /** True when a removed question has answers, so the import needs the author's explicit go-ahead. */
    public boolean retiresAnswers() {
        return removedQuestions.stream().anyMatch(q -> q.attempts() > 0);
    }

    public boolean changesNothing() {
        return !newCourse
                && addedChapters.isEmpty()
                && changedChapters.isEmpty()
                && removedChapters.isEmpty()
                && movedChapters.isEmpty()
                && addedQuestions.isEmpty()
                && changedQuestions.isEmpty()
                && removedQuestions.isEmpty();
    }

    /**
     * A chapter that moves to another section ({@link ChapterMoves}) is compared with itself where it was, and its
     * questions are neither removed nor added.
     *
     * @param before the published course, or null when there is none
     * @param attempts answers per question, keyed {@code section/chapter/question}
     */
    static ImportPreview between(CourseSource before, CourseSource after, Map<String, Integer> attempts) {
        Map<String, String> movedFrom = new LinkedHashMap<>();
        Map<String, String> movedTo = new LinkedHashMap<>();
        if (before != null) {
            ChapterMoves.between(ChapterMoves.places(before), ChapterMoves.places(after))
                    .forEach((from, to) -> {
                        movedFrom.put(to + "/" + from.chapter(), from.toString());
                        movedTo.put(from.toString(), to + "/" + from.chapter());
                    });
        }
        // The published chapters under the places they will have, so a moved one meets itself.
        Map<String, ChapterSource> old = new LinkedHashMap<>();
        chapters(before).forEach((where, chapter) -> old.put(movedTo.getOrDefault(where, where), chapter));
        Map<String, ChapterSource> next = chapters(after);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> moved = new ArrayList<>();
        List<String> addedQuestions = new ArrayList<>();
        List<String> changedQuestions = new ArrayList<>();
        List<RemovedQuestion> removedQuestions = new ArrayList<>();
        next.forEach((where, chapter) -> {
            ChapterSource was = old.get(where);
            if (was == null) {
                added.add(where);
                return;
            }
            boolean movedHere = movedFrom.containsKey(where);
            if (movedHere) {
                moved.add(movedFrom.get(where) + " → " + where);
            }
            if (!sameContent(was, chapter) || (!movedHere && was.position() != chapter.position())) {
                changed.add(where);
            }
        });
        old.forEach((where, chapter) -> {
            if (!next.containsKey(where)) {
                removed.add(where);
            }
        });
        Map<String, QuestionSource> oldQuestions = questions(old);
        Map<String, QuestionSource> nextQuestions = questions(next);
        nextQuestions.forEach((where, q) -> {
            QuestionSource was = oldQuestions.get(where);
            if (was == null) {
                addedQuestions.add(where);
            } else if (!sameQuestion(was, q)) {
                changedQuestions.add(where);
            }
        });
        oldQuestions.forEach((where, q) -> {
            if (!nextQuestions.containsKey(where)) {
                String chapter = where.substring(0, where.lastIndexOf('/'));
                String answeredAt = movedFrom.getOrDefault(chapter, chapter) + where.substring(chapter.length());
                removedQuestions.add(new RemovedQuestion(answeredAt, attempts.getOrDefault(answeredAt, 0)));
            }
        });
        return new ImportPreview(
                after.slug(),
                before == null,
                added,
                changed,
                removed,
                moved,
                addedQuestions,
                changedQuestions,
                removedQuestions);
    }

    private static Map<String, ChapterSource> chapters(CourseSource course) {
        Map<String, ChapterSource> chapters = new LinkedHashMap<>();
        if (course != null) {
            course.sections().forEach(s -> s.chapters().forEach(c -> chapters.put(s.slug() + "/" + c.slug(), c)));
        }
        return chapters;
    }

    private static Map<String, QuestionSource> questions(Map<String, ChapterSource> chapters) {
        Map<String, QuestionSource> questions = new LinkedHashMap<>();
        chapters.forEach((where, c) -> c.questions().forEach(q -> questions.put(where + "/" + q.key(), q)));
        return questions;
    }

    /** Everything but the place: a moved chapter is not changed by its new position alone. */
    private static boolean sameContent(ChapterSource a, ChapterSource b) {
        return a.title().equals(b.title())
                && a.summary().equals(b.summary())
                && a.bodyMd().equals(b.bodyMd())
                && Objects.equals(a.free(), b.free())
                && a.questions().size() == b.questions().size()
                && a.challenges().equals(b.challenges())
                && questionsSame(a, b);
    }

    private static boolean questionsSame(ChapterSource a, ChapterSource b) {
        for (int i = 0; i < a.questions().size(); i++) {
            if (!sameQuestion(a.questions().get(i), b.questions().get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameQuestion(QuestionSource a, QuestionSource b) {
        return a.equals(b);
    }
}
