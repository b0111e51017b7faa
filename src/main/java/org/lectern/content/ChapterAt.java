package org.lectern.content;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/** The chapter a {@code /courses/{course}/{section}/{chapter}/…} URL names, with its course. */
public record ChapterAt(CourseOutline course, CourseOutline.Located at) {

    /** The chapter of the request's path parameters, or 404. */
    public static ChapterAt of(Catalog catalog, Context ctx) {
        CourseOutline course = catalog.outline(ctx.pathParam("course")).orElseThrow(NotFoundResponse::new);
        CourseOutline.Located at =
                course.find(ctx.pathParam("section"), ctx.pathParam("chapter")).orElseThrow(NotFoundResponse::new);
        return new ChapterAt(course, at);
    }

    public long chapterId() {
        return at.chapter().id();
    }

    public String path() {
        return at.path(course.slug());
    }

    public MarkdownRenderer.Place place() {
        return new MarkdownRenderer.Place(
                course.slug(), at.section().slug(), at.chapter().slug());
    }
}
