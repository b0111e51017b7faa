package org.lectern.content;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.lectern.content.MarkdownRenderer.Place;

/**
 * The published courses as learners read them. Outlines and rendered chapters are cached, so a page view never
 * parses Markdown; an import clears the caches and moves {@link #version()} on.
 */
public final class Catalog {
    private final CourseRepository courses;
    private final MarkdownRenderer markdown = new MarkdownRenderer();
    private final ConcurrentMap<String, Optional<CourseOutline>> outlines = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, RenderedMarkdown> chapters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, String> descriptions = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong(1);
    private volatile List<String> slugs;

    public Catalog(DSLContext dsl) {
        this.courses = new CourseRepository(dsl);
    }

    public List<CourseOutline> all() {
        List<String> known = slugs;
        if (known == null) {
            known = courses.courseSlugs();
            slugs = known;
        }
        return known.stream().map(this::outline).flatMap(Optional::stream).toList();
    }

    public Optional<CourseOutline> outline(String slug) {
        return outlines.computeIfAbsent(slug, courses::outline);
    }

    public RenderedMarkdown chapter(CourseOutline course, CourseOutline.Located at) {
        return chapters.computeIfAbsent(
                at.chapter().id(),
                id -> courses.chapterBody(id)
                        .map(body -> markdown.render(
                                body.bodyMd(),
                                new Place(
                                        course.slug(),
                                        at.section().slug(),
                                        at.chapter().slug())))
                        .orElseThrow());
    }

    public String description(CourseOutline course) {
        return descriptions.computeIfAbsent(
                course.id(), id -> markdown.renderFragment(course.descriptionMd(), new Place(course.slug(), "", "")));
    }

    public Optional<CourseRepository.Asset> asset(String courseSlug, String path) {
        return courses.asset(courseSlug, path);
    }

    /** Changes whenever content changes; page caches key on it. */
    public long version() {
        return version.get();
    }

    public void invalidate() {
        slugs = null;
        outlines.clear();
        chapters.clear();
        descriptions.clear();
        version.incrementAndGet();
    }
}
