package org.lectern.studio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseFiles;
import org.lectern.content.CourseSource;

/**
 * Importing a zip in the studio: the upload is validated and compared with what is published (a preview), its
 * changed challenges are verified in the sandbox as a publish verifies them, and it waits under the data folder
 * until the author confirms; then it is imported through the publisher. An import that would retire questions
 * learners answered needs {@code force} (their answers are kept either way); one that changes the answer key of
 * answered questions needs the author's choice to regrade them or not; one with a challenge that fails verification
 * is refused.
 */
final class ZipImports {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Duration KEEP = Duration.ofDays(1);
    private final Path uploads;
    private final ContentLoader loader;
    private final Drafts drafts;
    private final Publisher publisher;
    private final LearnerWork work;
    private final AnswerChanges answerChanges;
    private final ChallengeGate challenges;
    private final SecureRandom random = new SecureRandom();

    ZipImports(
            Path uploads,
            ContentLoader loader,
            Drafts drafts,
            Publisher publisher,
            LearnerWork work,
            AnswerChanges answerChanges,
            ChallengeGate challenges) {
        this.uploads = uploads;
        this.loader = loader;
        this.drafts = drafts;
        this.publisher = publisher;
        this.work = work;
        this.answerChanges = answerChanges;
        this.challenges = challenges;
    }

    /** A changed challenge of an uploaded course, and how its verification went. */
    record CourseChallenge(String course, ChallengeGate.Verified verified) {
        public String where() {
            return course + "/" + verified.dir();
        }
    }

    /**
     * An upload and what it would change: per course a preview, the answered questions whose answer key changes,
     * and the verification of each changed challenge. Only an upload whose challenges all pass waits for the go-ahead,
     * under {@code token}; otherwise the token is null.
     */
    record Staged(
            String token,
            List<ImportPreview> previews,
            List<AnswerChanges.Changed> keyChanges,
            List<CourseChallenge> challenges) {
        public boolean retiresAnswers() {
            return previews.stream().anyMatch(ImportPreview::retiresAnswers);
        }

        public boolean changesAnswerKeys() {
            return !keyChanges.isEmpty();
        }

        /** The first changed challenge that fails verification, if any. */
        Optional<CourseChallenge> failing() {
            return challenges.stream().filter(c -> !c.verified().passed()).findFirst();
        }
    }

    /**
     * Validates the zip's courses with the importer's reader, verifies their changed challenges, and keeps the
     * upload for {@link #apply} when they all pass.
     *
     * @throws InvalidCourse when the zip holds no course folder
     * @throws org.lectern.content.ContentException naming the file, line and problem of an invalid course
     */
    Staged stage(byte[] zip, Long authorId) {
        Map<String, CourseFiles> courses = courses(zip);
        Staged read = read(null, courses);
        List<CourseChallenge> verified = new ArrayList<>();
        courses.forEach((slug, files) -> challenges.verifyAll(files, drafts.published(slug), authorId).stream()
                .map(v -> new CourseChallenge(slug, v))
                .forEach(verified::add));
        if (verified.stream().anyMatch(c -> !c.verified().passed())) {
            return new Staged(null, read.previews(), read.keyChanges(), verified);
        }
        byte[] token = new byte[16];
        random.nextBytes(token);
        String name = HexFormat.of().formatHex(token);
        try {
            Files.createDirectories(uploads);
            removeOld();
            Files.write(uploads.resolve(name + ".zip"), zip);
            Files.write(
                    uploads.resolve(name + ".verified"),
                    verified.stream().map(c -> c.verified().identity()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Staged(name, read.previews(), read.keyChanges(), verified);
    }

    /**
     * Imports a staged upload, course by course, once every course has been checked again: a challenge that the
     * preview did not verify (the published copy changed meanwhile) is verified now.
     *
     * @throws InvalidCourse for an unknown or expired upload
     * @throws Undecided when it would retire answered questions without {@code force}, or change answered questions'
     *     answer key without a choice about regrading
     * @throws UnverifiedChallenge naming the course's challenge that fails verification
     */
    List<ImportPreview> apply(String token, boolean force, Publisher.Regrade regrade, Long authorId) {
        Path file = file(token);
        byte[] zip;
        Set<String> passed;
        try {
            zip = Files.readAllBytes(file);
            Path verified = uploads.resolve(token + ".verified");
            passed = Files.exists(verified) ? new HashSet<>(Files.readAllLines(verified)) : Set.of();
        } catch (IOException e) {
            throw new InvalidCourse("studio.import.expired");
        }
        Map<String, CourseFiles> courses = courses(zip);
        Staged staged = read(token, courses);
        if (!force && staged.retiresAnswers()) {
            throw new Undecided(staged, "studio.import.needsForce");
        }
        if (staged.changesAnswerKeys() && regrade == Publisher.Regrade.ASK) {
            throw new Undecided(staged, "studio.import.needsRegradeChoice");
        }
        courses.forEach((slug, files) -> {
            try {
                challenges.check(files, drafts.published(slug), authorId, passed);
            } catch (UnverifiedChallenge failed) {
                throw new UnverifiedChallenge(slug + "/" + failed.dir(), failed.verification());
            }
        });
        courses.forEach((slug, files) -> publisher.importFiles(
                slug, files, authorId, regrade == Publisher.Regrade.YES ? regrade : Publisher.Regrade.NO));
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(uploads.resolve(token + ".verified"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return staged.previews();
    }

    /** Reads and validates each course, and compares it with what is published; no challenge is run yet. */
    private Staged read(String token, Map<String, CourseFiles> courses) {
        List<ImportPreview> previews = new ArrayList<>();
        List<AnswerChanges.Changed> keyChanges = new ArrayList<>();
        courses.forEach((slug, files) -> {
            CourseSource next = loader.read(slug, files);
            previews.add(preview(slug, next));
            keyChanges.addAll(answerChanges.find(next));
        });
        return new Staged(token, previews, keyChanges, List.of());
    }

    /** Thrown by {@link #apply} when the author has not yet decided what the import asks of them; nothing changed. */
    static final class Undecided extends RuntimeException {
        private final transient Staged staged;
        private final String messageKey;

        Undecided(Staged staged, String messageKey) {
            super(messageKey, null, false, false);
            this.staged = staged;
            this.messageKey = messageKey;
        }

        Staged staged() {
            return staged;
        }

        String messageKey() {
            return messageKey;
        }
    }

    private ImportPreview preview(String slug, CourseSource next) {
        CourseFiles published = drafts.published(slug);
        return ImportPreview.between(
                published.isEmpty() ? null : loader.read(slug, published), next, work.attemptsByQuestion(slug));
    }

    private static Map<String, CourseFiles> courses(byte[] zip) {
        Map<String, CourseFiles> courses = CourseFiles.readZip(new ByteArrayInputStream(zip), "");
        if (courses.isEmpty() || courses.containsKey("")) {
            throw new InvalidCourse("studio.import.layout");
        }
        return courses;
    }

    private Path file(String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidCourse("studio.import.expired");
        }
        return uploads.resolve(token + ".zip");
    }

    private void removeOld() throws IOException {
        Instant cutoff = Instant.now().minus(KEEP);
        try (Stream<Path> files = Files.list(uploads)) {
            for (Path old : files.filter(
                            p -> p.toString().endsWith(".zip") || p.toString().endsWith(".verified"))
                    .toList()) {
                if (Files.getLastModifiedTime(old).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }
}
