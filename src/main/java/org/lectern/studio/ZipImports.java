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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseFiles;

/**
 * Importing a zip in the studio: the upload is validated and compared with what is published (a preview), kept
 * under the data folder until the author confirms, then imported through the publisher. An import that would
 * retire questions learners answered needs {@code force}; their answers are kept either way.
 */
final class ZipImports {
    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final Duration KEEP = Duration.ofDays(1);
    private final Path uploads;
    private final ContentLoader loader;
    private final Drafts drafts;
    private final Publisher publisher;
    private final LearnerWork work;
    private final SecureRandom random = new SecureRandom();

    ZipImports(Path uploads, ContentLoader loader, Drafts drafts, Publisher publisher, LearnerWork work) {
        this.uploads = uploads;
        this.loader = loader;
        this.drafts = drafts;
        this.publisher = publisher;
        this.work = work;
    }

    /** An upload waiting for the author's go-ahead, and what it would change. */
    record Staged(String token, List<ImportPreview> previews) {
        public boolean retiresAnswers() {
            return previews.stream().anyMatch(ImportPreview::retiresAnswers);
        }
    }

    /**
     * Validates the zip's courses with the importer's reader and keeps the upload for {@link #apply}.
     *
     * @throws InvalidCourse when the zip holds no course folder
     * @throws org.lectern.content.ContentException naming the file, line and problem of an invalid course
     */
    Staged stage(byte[] zip) {
        List<ImportPreview> previews = previews(zip);
        byte[] token = new byte[16];
        random.nextBytes(token);
        String name = HexFormat.of().formatHex(token);
        try {
            Files.createDirectories(uploads);
            removeOld();
            Files.write(uploads.resolve(name + ".zip"), zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Staged(name, previews);
    }

    /**
     * Imports a staged upload, course by course.
     *
     * @throws InvalidCourse for an unknown or expired upload
     * @throws RetiringAnswers when it would retire answered questions and {@code force} is false
     */
    List<ImportPreview> apply(String token, boolean force, Long authorId) {
        Path file = file(token);
        byte[] zip;
        try {
            zip = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidCourse("studio.import.expired");
        }
        List<ImportPreview> previews = previews(zip);
        if (!force && previews.stream().anyMatch(ImportPreview::retiresAnswers)) {
            throw new RetiringAnswers(new Staged(token, previews));
        }
        courses(zip).forEach((slug, files) -> publisher.importFiles(slug, files, authorId));
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return previews;
    }

    /** Thrown by {@link #apply} without {@code force} when answered questions would be retired. */
    static final class RetiringAnswers extends RuntimeException {
        private final transient Staged staged;

        RetiringAnswers(Staged staged) {
            super("the import retires questions learners answered");
            this.staged = staged;
        }

        Staged staged() {
            return staged;
        }
    }

    private List<ImportPreview> previews(byte[] zip) {
        List<ImportPreview> previews = new ArrayList<>();
        courses(zip).forEach((slug, files) -> {
            CourseFiles published = drafts.published(slug);
            previews.add(ImportPreview.between(
                    published.isEmpty() ? null : loader.read(slug, published),
                    loader.read(slug, files),
                    work.attemptsByQuestion(slug)));
        });
        return previews;
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
            for (Path old : files.filter(p -> p.toString().endsWith(".zip")).toList()) {
                if (Files.getLastModifiedTime(old).toInstant().isBefore(cutoff)) {
                    Files.deleteIfExists(old);
                }
            }
        }
    }
}
