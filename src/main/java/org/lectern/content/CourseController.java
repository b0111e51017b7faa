package org.lectern.content;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.lectern.content.CourseOutline.Located;
import org.lectern.web.PageCache;
import org.lectern.web.Renderer;

/** The learner's reading pages: the catalog, a course, a chapter, and the files a course ships. */
public final class CourseController {
    /** The end of a chapter page that is the same for every reader: the Ask panel, the runner's console and files. */
    private static final String TAIL = "chapters/tail :: tail";

    /** What of a chapter page is the reader's own: the quiz, the challenges, completion and feedback. */
    private static final String READER_SECTIONS = "chapters/reader :: sections";

    private static final String READER_OUTLINE = "fragments/outline :: reader";
    /** The outline template's variable with the list of chapters, the reader's ticks in it. */
    private static final String OUTLINE_OWN = "outlineOwn";

    private static final String OUTLINE_CHAPTERS = "fragments/outline :: chapters";
    private static final String TICK = "fragments/outline :: tick";

    private final Catalog catalog;
    private final Renderer renderer;
    private final PageCache pages;
    private final Predicate<Context> signedIn;
    private final PageAdditions additions;

    /** @param signedIn whether the request comes from a signed-in person, who may read every chapter */
    public CourseController(
            Catalog catalog, Renderer renderer, PageCache pages, Predicate<Context> signedIn, PageAdditions additions) {
        this.catalog = catalog;
        this.renderer = renderer;
        this.pages = pages;
        this.signedIn = signedIn;
        this.additions = additions;
    }

    public void catalog(Context ctx) {
        pages.serve(ctx, () -> {
            List<CourseOutline> courses = catalog.all();
            Map<String, Object> model = new HashMap<>();
            model.put("courses", courses);
            additions.catalog(ctx, courses, model);
            return renderer.renderUtf8(ctx, "courses/catalog", model);
        });
    }

    public void course(Context ctx) {
        CourseOutline course = catalog.outline(ctx.pathParam("course")).orElseThrow(NotFoundResponse::new);
        pages.serve(ctx, () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("course", course);
            model.put("description", catalog.description(course));
            model.put("start", course.first().map(l -> l.path(course.slug())).orElse(""));
            additions.course(ctx, course, model);
            return renderer.renderUtf8(ctx, "courses/course", model);
        });
    }

    public void chapter(Context ctx) {
        CourseOutline course = catalog.outline(ctx.pathParam("course")).orElseThrow(NotFoundResponse::new);
        Located at =
                course.find(ctx.pathParam("section"), ctx.pathParam("chapter")).orElseThrow(NotFoundResponse::new);
        // Guests get an invitation instead of a members' chapter: 200, the same page for every guest, so the
        // shared cache serves it and search engines see the chapter's title and summary.
        boolean locked = !at.chapter().free() && !signedIn.test(ctx);
        pages.serve(ctx, () -> {
            Map<String, Object> model = new HashMap<>();
            model.put("course", course);
            model.put("at", at);
            model.put("previous", course.previous(at).orElse(null));
            model.put("next", course.next(at).orElse(null));
            model.put(
                    "outlineChapters", pages.part(ctx, "outline " + at.chapter().id(), () -> {
                        Map<String, Object> list = new HashMap<>(model);
                        list.put("tickPlaces", OutlineChapters.tickPlaces(course));
                        return OutlineChapters.of(
                                renderer.render(ctx, OUTLINE_CHAPTERS, list), renderer.render(ctx, TICK, model));
                    }));
            if (locked) {
                model.put("readerOutline", outline(ctx, model));
                return renderer.renderUtf8(ctx, "chapters/locked", model);
            }
            model.put("body", catalog.chapter(course, at));
            additions.chapter(ctx, course, at, model);
            model.put(
                    "chapterTail",
                    pages.part(ctx, "chapter-tail " + at.chapter().id(), () -> renderer.render(ctx, TAIL, model)));
            // A signed-in reader's page is the same as everyone's but for these parts, their name and form token:
            // the rest is kept, and rendering it for every view was most of the page's time.
            Map<String, String> own = Map.of(
                    "readerOutline", outline(ctx, model),
                    "readerSections", sections(ctx, at, model));
            return renderer.renderKept(ctx, pages, "chapter", "chapters/chapter", model, own);
        });
    }

    /**
     * The reader's part of the outline: their progress bar, kept per progress, and the course's list with their ticks
     * ({@link OutlineChapters}).
     */
    private String outline(Context ctx, Map<String, Object> model) {
        OutlineChapters list = (OutlineChapters) model.get("outlineChapters");
        Map<String, String> own = Map.of("list", list.html(ReaderParts.completed(model)));
        model.put(OUTLINE_OWN, own);
        String name = "reader-outline " + ReaderParts.outlineShape(model);
        return renderer.renderKeptPart(ctx, pages, name, READER_OUTLINE, model, OUTLINE_OWN, own);
    }

    /**
     * The reader's own sections, kept per chapter and whatever the additions said shapes them ({@link ReaderParts}),
     * with places for the parts that are the reader's own: a signed-in view filled in a copy in a fraction of the time
     * that rendering them took.
     */
    private String sections(Context ctx, Located at, Map<String, Object> model) {
        String name = "reader-sections " + at.chapter().id() + " " + ReaderParts.shape(model);
        return renderer.renderKeptPart(
                ctx, pages, name, READER_SECTIONS, model, ReaderParts.OWN, ReaderParts.own(model));
    }

    public void asset(Context ctx) {
        String path = ctx.pathParam("path");
        var asset = catalog.asset(ctx.pathParam("course"), path).orElseThrow(NotFoundResponse::new);
        String etag = "\"" + asset.sha256().substring(0, 32) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "public, max-age=3600");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        if (asset.mediaType().equals("image/svg+xml")) {
            // An SVG opened on its own must not run script, whatever it holds.
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        }
        ctx.contentType(asset.mediaType()).result(asset.content());
    }
}
