package org.lectern.content;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;

/**
 * Writes a course's published files back out in the content format: as a course folder (the CLI's {@code export})
 * or a zip (the studio's download). They are the files last imported, byte for byte.
 */
public final class CourseExporter {
    private final CourseFileStore files;

    public CourseExporter(DSLContext dsl) {
        this.files = new CourseFileStore(dsl);
    }

    /** The course's published files; empty when no course of that slug was ever published. */
    public Optional<CourseFiles> published(String slug) {
        CourseFiles published = files.load(slug, CourseFileStore.Copy.PUBLISHED);
        return published.isEmpty() ? Optional.empty() : Optional.of(published);
    }

    /**
     * Writes the course into {@code <contentDir>/<slug>/}, which then holds exactly its files. A folder that is
     * there already must be a course folder (have a {@code course.md}), so nothing else is ever overwritten.
     *
     * @return the number of files written, or empty when there is no such course
     */
    public Optional<Integer> toFolder(String slug, Path contentDir) {
        Optional<CourseFiles> course = published(slug);
        if (course.isEmpty()) {
            return Optional.empty();
        }
        Path target = contentDir.resolve(slug);
        if (Files.isDirectory(target) && !Files.isRegularFile(target.resolve("course.md")) && !isEmpty(target)) {
            throw new ContentException(target.toString(), 0, "exists and is not a course folder; choose another");
        }
        course.get().writeFolder(target);
        return Optional.of(course.get().paths().size());
    }

    /** Writes the course as a zip holding {@code <slug>/…}; false when there is no such course. */
    public boolean toZip(String slug, OutputStream out) {
        Optional<CourseFiles> course = published(slug);
        course.ifPresent(files -> files.writeZip(slug, out));
        return course.isPresent();
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
