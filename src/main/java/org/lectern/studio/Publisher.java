package org.lectern.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.lectern.content.ContentException;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseFiles;
import org.lectern.quiz.Regrader;

/**
 * Publishes a course's working copy, or one chapter of it, by running the content folder's reader, validator and
 * importer on the files: learners see nothing until then, and ids stay stable because the importer matches by slug
 * and key. A file that does not validate stops the publish with the importer's message; nothing changes then.
 */
final class Publisher {
    private final ContentLoader loader;
    private final Drafts drafts;
    private final AnswerChanges answerChanges;
    private final ChallengeGate challenges;

    Publisher(ContentLoader loader, Drafts drafts, AnswerChanges answerChanges, ChallengeGate challenges) {
        this.loader = loader;
        this.drafts = drafts;
        this.answerChanges = answerChanges;
        this.challenges = challenges;
    }

    /** What to do with the attempts at questions whose answer key a publish changes. */
    enum Regrade {
        /** Ask the author first: {@link RegradeDecision}. */
        ASK,
        /** Grade those attempts again with the new key. */
        YES,
        /** Leave their verdicts as they were given. */
        NO
    }

    /**
     * @throws ContentException naming the file, line and problem when the course does not validate
     * @throws UnverifiedChallenge when a challenge it changes fails verification
     */
    void publishCourse(String slug, Long authorId, Regrade regrade) {
        publish(slug, drafts.current(slug), authorId, "", regrade);
    }

    /**
     * Publishes one chapter's text, quiz and challenges as they are in the working copy, with the published copy
     * of everything else (and the course's and its section's file when they were never published).
     */
    void publishChapter(String slug, StudioOutline.Chapter chapter, Long authorId, Regrade regrade) {
        // After a move, a rename of a folder or a deletion, one chapter alone cannot carry the new layout.
        List<String> draftLayout =
                new ArrayList<>(StudioOutline.of(drafts.current(slug)).layout());
        List<String> publishedLayout =
                new ArrayList<>(StudioOutline.of(drafts.published(slug)).layout());
        draftLayout.remove(chapter.path());
        publishedLayout.remove(chapter.path());
        if (!publishedLayout.isEmpty() && !draftLayout.equals(publishedLayout)) {
            throw new InvalidCourse("studio.publish.layoutChanged");
        }
        String sectionFile = chapter.path().substring(0, chapter.path().indexOf('/') + 1) + "section.md";
        CourseFiles merged = mergeChapter(drafts.current(slug), drafts.published(slug), chapter, sectionFile);
        publish(slug, merged, authorId, chapter.path(), regrade);
    }

    static CourseFiles mergeChapter(
            CourseFiles draft, CourseFiles published, StudioOutline.Chapter chapter, String sectionFile) {
        CourseFiles merged = published;
        TreeSet<String> paths = new TreeSet<>(draft.paths());
        paths.addAll(published.paths());
        for (String path : paths) {
            // New images come along: the chapter may show them.
            boolean take = chapter.owns(path)
                    || (!published.contains(path)
                            && (path.equals("course.md") || path.equals(sectionFile) || path.startsWith("images/")));
            if (take) {
                var content = draft.bytes(path);
                merged = content.isPresent() ? merged.with(path, content.get()) : merged.without(path);
            }
        }
        return merged;
    }

    /**
     * @throws RegradeDecision when questions with attempts change their answer key and the author was not asked
     */
    private void publish(String slug, CourseFiles files, Long authorId, String what, Regrade regrade) {
        publish(slug, files, authorId, what, regrade, RevisionKind.PUBLISH);
    }

    /**
     * Imports an uploaded course's files as its published copy, its challenges already verified by the caller.
     *
     * @param regrade {@link Regrade#YES} or {@link Regrade#NO}: the author has chosen already
     */
    void importFiles(String slug, CourseFiles files, Long authorId, Regrade regrade) {
        publish(slug, files, authorId, "", regrade, RevisionKind.IMPORT);
    }

    /**
     * Grades every attempt at these questions again with their new answer key, in the import's transaction, and
     * writes what changed in a {@code regrade} revision.
     */
    static void regrade(DSLContext tx, String slug, List<AnswerChanges.Changed> keyChanges, Long authorId) {
        if (keyChanges.isEmpty()) {
            return;
        }
        Regrader regrader = new Regrader();
        List<String> regraded = new ArrayList<>();
        for (AnswerChanges.Changed question : keyChanges) {
            int moved = regrader.regrade(tx, question.questionId());
            regraded.add("%s: %d of %d attempts changed".formatted(question.key(), moved, question.attempts()));
        }
        new RevisionRepository(tx).record(slug, RevisionKind.REGRADE, String.join("; ", regraded), authorId, Map.of());
    }

    private void publish(
            String slug, CourseFiles files, Long authorId, String what, Regrade regrade, RevisionKind kind) {
        List<AnswerChanges.Changed> keyChanges = answerChanges.find(loader.read(slug, files));
        if (!keyChanges.isEmpty() && regrade == Regrade.ASK) {
            throw new RegradeDecision(keyChanges);
        }
        CourseFiles before = drafts.published(slug);
        if (kind == RevisionKind.PUBLISH) {
            // Last, as it runs programs: the slow step comes after every quick reason to refuse.
            challenges.check(files, before, authorId);
        }
        Map<String, byte[]> changed = new LinkedHashMap<>();
        TreeSet<String> paths = new TreeSet<>(files.paths());
        paths.addAll(before.paths());
        for (String path : paths) {
            byte[] now = files.bytes(path).orElse(null);
            if (!java.util.Arrays.equals(now, before.bytes(path).orElse(null))) {
                changed.put(path, now);
            }
        }
        loader.importFiles(slug, files, tx -> {
            RevisionRepository revisions = new RevisionRepository(tx);
            revisions.record(slug, kind, what, authorId, changed);
            if (regrade == Regrade.YES) {
                regrade(tx, slug, keyChanges, authorId);
            }
            Drafts.dropIfPublished(tx, slug);
        });
    }
}
