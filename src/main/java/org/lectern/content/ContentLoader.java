package org.lectern.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports a content folder: on demand (the CLI) or at start-up when a course is missing or its files changed. */
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
        return importCourses(readAll(contentDir, Map.of()));
    }

    /** Imports only the courses whose files differ from what was last imported. */
    public ContentImporter.Report importChanged(Path contentDir) {
        return importCourses(readAll(contentDir, importer.storedHashes()));
    }

    private List<CourseSource> readAll(Path contentDir, Map<String, String> skipIfHash) {
        if (!Files.isDirectory(contentDir)) {
            throw new ContentException(contentDir.toString(), 0, "the content folder does not exist");
        }
        CourseFolderReader reader = new CourseFolderReader(contentDir);
        return reader.courseFolders().stream()
                .map(reader::read)
                .filter(c -> !c.contentHash().equals(skipIfHash.get(c.slug())))
                .toList();
    }

    private ContentImporter.Report importCourses(List<CourseSource> courses) {
        if (courses.isEmpty()) {
            return new ContentImporter.Report(List.of());
        }
        ContentImporter.Report report = importer.importCourses(courses);
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
}
