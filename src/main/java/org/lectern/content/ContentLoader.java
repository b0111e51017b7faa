package org.lectern.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.lectern.content.ContentImporter.Incoming;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports courses: a content folder on demand (the CLI) or at start-up when a course is missing or its files
 * changed, and a course's stored files when the studio publishes them. Either way the same reader, validator and
 * importer run, and the files become the course's published copy.
 */
public final class ContentLoader {
    private static final Logger log = LoggerFactory.getLogger(ContentLoader.class);
    private final ContentImporter importer;
    private final Catalog catalog;
    private final List<Runnable> publishListeners = new CopyOnWriteArrayList<>();

    public ContentLoader(ContentImporter importer, Catalog catalog) {
        this.importer = importer;
        this.catalog = catalog;
    }

    /** Reads every course of the folder, then imports them all in one transaction. */
    public ContentImporter.Report importAll(Path contentDir) {
        return importCourses(readAll(contentDir, Map.of()), tx -> {});
    }

    /** Imports only the courses whose files differ from what was last imported from the folder. */
    public ContentImporter.Report importChanged(Path contentDir) {
        return importCourses(readChanged(contentDir), tx -> {});
    }

    /**
     * Reads and validates every course of the folder, without importing them.
     *
     * @throws ContentException naming the file, the line and the problem
     */
    public List<Incoming> readFolder(Path contentDir) {
        return readAll(contentDir, Map.of());
    }

    /** Reads the folder's courses whose files differ from what was last imported from the folder. */
    public List<Incoming> readChanged(Path contentDir) {
        return readAll(contentDir, importer.storedHashes());
    }

    /**
     * Reads and validates one course's files as if they were a course folder, without importing them.
     *
     * @throws ContentException naming the file ({@code <slug>/<path>}), the line and the problem
     */
    public CourseSource read(String slug, CourseFiles files) {
        Path root = files.writeTemporaryFolder(slug);
        try {
            return new CourseFolderReader(root).read(root.resolve(slug));
        } finally {
            deleteTree(root);
        }
    }

    /** Validates and imports one course's files, which become its published copy. All or nothing. */
    public ContentImporter.Report importFiles(String slug, CourseFiles files, Consumer<DSLContext> alsoInTransaction) {
        return importCourses(List.of(new Incoming(read(slug, files), files, false)), alsoInTransaction);
    }

    private List<Incoming> readAll(Path contentDir, Map<String, String> skipIfHash) {
        if (!Files.isDirectory(contentDir)) {
            throw new ContentException(contentDir.toString(), 0, "the content folder does not exist");
        }
        CourseFolderReader reader = new CourseFolderReader(contentDir);
        return reader.courseFolders().stream()
                .map(folder -> new Incoming(reader.read(folder), CourseFiles.readFolder(folder), true))
                .filter(c -> !c.source()
                        .contentHash()
                        .equals(skipIfHash.get(c.source().slug())))
                .toList();
    }

    /**
     * Imports courses read before, all in one transaction, with more writes that must commit or fail with them.
     */
    public ContentImporter.Report importCourses(List<Incoming> courses, Consumer<DSLContext> alsoInTransaction) {
        if (courses.isEmpty()) {
            return new ContentImporter.Report(List.of());
        }
        ContentImporter.Report report = importer.importCourses(courses, alsoInTransaction);
        published();
        report.lines().forEach(line -> log.info("Content import: {}", line));
        return report;
    }

    /** Runs {@code listener} after every change to published content, such as rebuilding the search index. */
    public void whenPublished(Runnable listener) {
        publishListeners.add(listener);
    }

    /**
     * Tells everything that shows content that it changed: call after committing any change to published courses
     * (an import, a publish from the studio). Drops the catalog's caches, then runs each listener; a listener that
     * fails is logged and the others still run, since the content itself is already saved.
     */
    public void published() {
        catalog.invalidate();
        for (Runnable listener : publishListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.error("Content was saved, but a step after publishing failed", e);
            }
        }
    }

    private static void deleteTree(Path root) {
        try (var walk = Files.walk(root)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            log.warn("Could not remove the temporary folder {}: {}", root, e.getMessage());
        }
    }
}
