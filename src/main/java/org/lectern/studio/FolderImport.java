package org.lectern.studio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lectern.challenge.Verification;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentImporter.Incoming;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Importing a content folder outside the studio. The command line reads the folder, says what the import would do
 * (answered questions it retires or whose answer key it changes, challenges it changes), verifies those challenges
 * in the sandbox as a publish does, then imports, regrading or not as the operator chose. The import at start-up
 * runs no challenge: it must not wait for the sandbox, nor fail for want of one; it logs the challenges it changed.
 */
public final class FolderImport {
    private static final Logger log = LoggerFactory.getLogger(FolderImport.class);
    private final ContentLoader loader;
    private final Drafts drafts;
    private final LearnerWork work;
    private final AnswerChanges answerChanges;
    private final ChallengeGate challenges;
    private final ChallengeReasons.Texts texts;

    /** @param challenges verifies under the command line's own run quota */
    FolderImport(
            ContentLoader loader,
            Drafts drafts,
            LearnerWork work,
            AnswerChanges answerChanges,
            ChallengeGate challenges,
            ChallengeReasons.Texts texts) {
        this.loader = loader;
        this.drafts = drafts;
        this.work = work;
        this.answerChanges = answerChanges;
        this.challenges = challenges;
        this.texts = texts;
    }

    /** A changed challenge of the folder: its course, and its folder in the course. */
    public record Challenge(String course, String dir) {
        @Override
        public String toString() {
            return course + "/" + dir;
        }
    }

    /** What importing the folder would do, read before anything changes. */
    public static final class Plan {
        private final List<Incoming> courses;
        private final List<String> retiredAnswered;
        private final Map<String, List<AnswerChanges.Changed>> keyChanges;
        private final List<Challenge> changedChallenges;

        Plan(
                List<Incoming> courses,
                List<String> retiredAnswered,
                Map<String, List<AnswerChanges.Changed>> keyChanges,
                List<Challenge> changedChallenges) {
            this.courses = List.copyOf(courses);
            this.retiredAnswered = List.copyOf(retiredAnswered);
            this.keyChanges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyChanges));
            this.changedChallenges = List.copyOf(changedChallenges);
        }

        /** Answered questions that leave, as {@code course/section/chapter/question (N answers)}. */
        public List<String> retiredAnswered() {
            return retiredAnswered;
        }

        /** Answered questions whose answer key changes, as {@code course: question in “chapter” (N answers)}. */
        public List<String> answerKeyChanges() {
            List<String> lines = new ArrayList<>();
            keyChanges.forEach((slug, changed) -> changed.forEach(q ->
                    lines.add("%s: %s in “%s” (%d answers)".formatted(slug, q.key(), q.chapterTitle(), q.attempts()))));
            return lines;
        }

        /** The challenges whose files differ from the published ones. */
        public List<Challenge> changedChallenges() {
            return changedChallenges;
        }
    }

    /**
     * @throws org.lectern.content.ContentException naming the file, the line and the problem of an invalid course
     */
    public Plan plan(Path contentDir) {
        List<Incoming> courses = loader.readFolder(contentDir);
        List<String> retired = new ArrayList<>();
        List<Challenge> changed = new ArrayList<>();
        Map<String, List<AnswerChanges.Changed>> keyChanges = new LinkedHashMap<>();
        for (Incoming course : courses) {
            String slug = course.source().slug();
            CourseFiles published = drafts.published(slug);
            if (!published.isEmpty()) {
                ImportPreview.between(loader.read(slug, published), course.source(), work.attemptsByQuestion(slug))
                        .removedQuestions()
                        .stream()
                        .filter(q -> q.attempts() > 0)
                        .forEach(q -> retired.add(slug + "/" + q.where() + " (" + q.attempts() + " answers)"));
            }
            keyChanges.put(slug, answerChanges.find(course.source()));
            ChallengeGate.changed(course.files(), published)
                    .keySet()
                    .forEach(dir -> changed.add(new Challenge(slug, dir)));
        }
        return new Plan(courses, retired, keyChanges, changed);
    }

    /**
     * Verifies each changed challenge in the sandbox, one after the other, telling {@code progress} of each as it
     * ends ({@code ok <challenge>}, or {@code FAILED <reason>}).
     *
     * @return why each failing challenge fails; empty when all pass
     */
    public List<String> verify(Plan plan, Consumer<String> progress) {
        List<String> failures = new ArrayList<>();
        for (Incoming course : plan.courses) {
            String slug = course.source().slug();
            for (var verified : challenges.verifyAll(course.files(), drafts.published(slug), null)) {
                String where = slug + "/" + verified.dir();
                if (verified.passed()) {
                    progress.accept("ok      " + where);
                } else {
                    String reason = reason(where, verified.verification());
                    failures.add(reason);
                    progress.accept("FAILED  " + reason);
                }
            }
        }
        return failures;
    }

    /** Imports the courses read, all in one transaction, grading answered questions again when asked to. */
    public ContentImporter.Report apply(Plan plan, boolean regrade) {
        return loader.importCourses(plan.courses, tx -> {
            if (regrade) {
                plan.keyChanges.forEach((slug, changed) -> Publisher.regrade(tx, slug, changed, null));
            }
        });
    }

    /**
     * The start-up import: the folder's courses that changed since their last import from it, without verifying
     * their challenges; it names the ones it changed in the log, to be verified in the studio.
     */
    public ContentImporter.Report importAtStart(Path contentDir) {
        List<Incoming> courses = loader.readChanged(contentDir);
        List<String> unverified = new ArrayList<>();
        for (Incoming course : courses) {
            String slug = course.source().slug();
            ChallengeGate.changed(course.files(), drafts.published(slug))
                    .keySet()
                    .forEach(dir -> unverified.add(slug + "/" + dir));
        }
        ContentImporter.Report report = loader.importCourses(courses, tx -> {});
        if (!unverified.isEmpty()) {
            log.warn(
                    "Imported {} changed challenge(s) at start-up without verifying them: {}. Open each in the studio"
                            + " and press Verify; the command line's import verifies before it imports.",
                    unverified.size(),
                    String.join(", ", unverified));
        }
        return report;
    }

    private String reason(String where, Verification verification) {
        return ChallengeReasons.of(texts, where, verification);
    }
}
