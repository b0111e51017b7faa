package org.lectern.studio;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.ChapterMoves;
import org.lectern.content.CourseFiles;
import org.lectern.web.ErrorPages;
import org.lectern.web.Flash;
import org.lectern.web.Renderer;

/**
 * Sections and chapters: add, rename, reorder and move (buttons, and drag and drop as JSON requests), mark free,
 * delete after a warning. A move names the layout its page showed; on another one it is a conflict that shows both.
 */
final class StructureController {
    private final Drafts drafts;
    private final Structure structure;
    private final LearnerWork work;
    private final StudioController studio;
    private final StructureConflicts conflicts;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final Flash flash;

    StructureController(
            Drafts drafts,
            LearnerWork work,
            StudioController studio,
            Renderer renderer,
            CurrentUser currentUser,
            Flash flash) {
        this.drafts = drafts;
        this.structure = new Structure(drafts);
        this.work = work;
        this.studio = studio;
        this.conflicts = new StructureConflicts(studio);
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    /** The working copy a request changes, as it was read. */
    record At(String slug, CourseFiles files, StudioOutline outline) {}

    /** A structural change computed from the working copy. */
    interface Change {
        Map<String, byte[]> of(At at);
    }

    /** What the author asked for, in words, for the conflict page. */
    interface Tried {
        String of(At at);
    }

    void addSection(Context ctx) {
        change(
                ctx,
                at -> Restructuring.addSection(at.outline(), form(ctx, "slug"), form(ctx, "title")),
                at -> text(ctx, "studio.structure.tried.addSection", form(ctx, "title")),
                "added");
    }

    void addChapter(Context ctx) {
        change(
                ctx,
                at -> Restructuring.addChapter(section(at, ctx), form(ctx, "slug"), form(ctx, "title")),
                at -> text(ctx, "studio.structure.tried.addChapter", form(ctx, "title"), sectionTitle(at, ctx)),
                "added");
    }

    void retitleSection(Context ctx) {
        change(
                ctx,
                at -> Restructuring.retitle(at.files(), section(at, ctx).folder() + "/section.md", form(ctx, "title")),
                at -> text(ctx, "studio.structure.tried.rename", sectionTitle(at, ctx), form(ctx, "title")),
                "renamed");
    }

    /** {@code direction=up|down} (the buttons) or {@code position=N} (a drop). */
    void moveSection(Context ctx) {
        Integer position = position(ctx);
        int by = position == null ? direction(ctx) : 0;
        change(
                ctx,
                at -> {
                    List<String> order = Structure.sectionOrder(at.outline());
                    String slug = section(at, ctx).slug();
                    return Restructuring.orderSections(
                            at.files(),
                            at.outline(),
                            position == null
                                    ? Restructuring.moved(order, slug, by)
                                    : Restructuring.placed(order, slug, position));
                },
                at -> position == null
                        ? text(ctx, "studio.structure.tried.section" + (by < 0 ? "Up" : "Down"), sectionTitle(at, ctx))
                        : text(ctx, "studio.structure.tried.sectionTo", sectionTitle(at, ctx), position),
                "moved");
    }

    void orderChapters(Context ctx) {
        List<String> order =
                Arrays.stream(form(ctx, "order").split(",")).map(String::trim).toList();
        change(
                ctx,
                at -> Restructuring.orderChapters(at.files(), section(at, ctx), order),
                at -> text(ctx, "studio.structure.tried.order", sectionTitle(at, ctx), String.join(", ", order)),
                "moved");
    }

    /**
     * {@code direction=up|down} within the section (the buttons), or {@code section} and an optional
     * {@code position} (the "Move to" form, or a drop): into that section, at its end without a position.
     */
    void moveChapter(Context ctx) {
        String toSection = ctx.formParam("section");
        Integer position = position(ctx);
        if (toSection == null) {
            int by = direction(ctx);
            change(
                    ctx,
                    at -> {
                        StudioOutline.Section section = section(at, ctx);
                        List<String> order = Restructuring.moved(
                                Structure.chapterOrder(section),
                                chapter(section, ctx).slug(),
                                by);
                        return Restructuring.orderChapters(at.files(), section, order);
                    },
                    at -> text(ctx, "studio.structure.tried.chapter" + (by < 0 ? "Up" : "Down"), chapterTitle(at, ctx)),
                    "moved");
            return;
        }
        change(
                ctx,
                at -> Restructuring.moveChapter(
                        at.files(),
                        at.outline(),
                        chapter(section(at, ctx), ctx),
                        toSection,
                        position == null ? Integer.MAX_VALUE : position),
                at -> position == null
                        ? text(ctx, "studio.structure.tried.chapterTo", chapterTitle(at, ctx), title(at, toSection))
                        : text(
                                ctx,
                                "studio.structure.tried.chapterToPlace",
                                chapterTitle(at, ctx),
                                title(at, toSection),
                                position),
                "moved");
    }

    void setFree(Context ctx) {
        String free = form(ctx, "free");
        if (!free.equals("true") && !free.equals("false")) {
            throw new BadRequestResponse();
        }
        change(
                ctx,
                at -> Restructuring.setFree(at.files(), chapter(section(at, ctx), ctx), Boolean.parseBoolean(free)),
                at -> text(
                        ctx,
                        "studio.structure.tried." + (free.equals("true") ? "free" : "notFree"),
                        chapterTitle(at, ctx)),
                "saved");
    }

    void confirmDeleteChapter(Context ctx) {
        At at = at(ctx);
        StudioOutline.Section section = section(at, ctx);
        StudioOutline.Chapter chapter = chapter(section, ctx);
        confirm(ctx, at, chapter.title(), work.inChapter(at.slug(), publishedSection(at, chapter), chapter.slug()));
    }

    /** The section learners know a chapter in: where it is published, when the draft has moved it since. */
    private String publishedSection(At at, StudioOutline.Chapter chapter) {
        return ChapterMoves.between(
                        StudioOutline.of(drafts.published(at.slug())).places(),
                        at.outline().places())
                .entrySet()
                .stream()
                .filter(m -> m.getValue().equals(chapter.sectionSlug())
                        && m.getKey().chapter().equals(chapter.slug()))
                .map(m -> m.getKey().section())
                .findFirst()
                .orElse(chapter.sectionSlug());
    }

    void deleteChapter(Context ctx) {
        change(
                ctx,
                at -> Restructuring.deleteChapter(at.files(), chapter(section(at, ctx), ctx)),
                at -> text(ctx, "studio.structure.tried.delete", chapterTitle(at, ctx)),
                "deleted");
    }

    void confirmDeleteSection(Context ctx) {
        At at = at(ctx);
        StudioOutline.Section section = section(at, ctx);
        confirm(ctx, at, section.title(), work.inSection(at.slug(), section.slug()));
    }

    void deleteSection(Context ctx) {
        change(
                ctx,
                at -> Restructuring.deleteSection(at.files(), section(at, ctx)),
                at -> text(ctx, "studio.structure.tried.delete", sectionTitle(at, ctx)),
                "deleted");
    }

    /**
     * Computes a change from the working copy and saves it as a revision, then goes back to the course page (or
     * answers {@code {"layout"}} to a script). A {@code layout} other than the current one, or a file saved between
     * reading and writing, makes it a conflict: nothing is saved, and the author sees both.
     */
    private void change(Context ctx, Change change, Tried tried, String what) {
        At at = at(ctx);
        String seen = ctx.formParam("layout");
        if (seen != null && !seen.equals(at.outline().layoutSha())) {
            conflicts.show(ctx, at, change, tried);
            return;
        }
        try {
            structure.apply(
                    at.slug(),
                    at.files(),
                    change.of(at),
                    studio.text(ctx, "studio.structure.revision." + what),
                    currentUser.userId(ctx).orElseThrow());
        } catch (InvalidCourse invalid) {
            refuse(ctx, at, studio.text(ctx, invalid.messageKey()));
            return;
        } catch (Conflict conflict) {
            conflicts.show(ctx, at(ctx), change, tried);
            return;
        }
        flash.set(ctx, "studio.flash.structure." + what);
        if (ErrorPages.wantsJson(ctx)) {
            ctx.json(Map.of("layout", at(ctx).outline().layoutSha()));
            return;
        }
        ctx.redirect("/studio/courses/" + at.slug());
    }

    private void refuse(Context ctx, At at, String reason) {
        if (ErrorPages.wantsJson(ctx)) {
            ctx.status(422).json(Map.of("error", reason));
            return;
        }
        studio.showCourse(ctx, 422, at.slug(), reason);
    }

    private void confirm(Context ctx, At at, String title, LearnerWork.Count count) {
        Map<String, Object> model = new HashMap<>();
        model.put("slug", at.slug());
        model.put("title", title);
        model.put("work", count);
        model.put("action", ctx.path());
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, "studio/delete", model);
    }

    private At at(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        CourseFiles files = drafts.current(slug);
        return new At(slug, files, StudioOutline.of(files));
    }

    static StudioOutline.Section section(At at, Context ctx) {
        String slug = ctx.pathParam("section");
        return at.outline().sections().stream()
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    static StudioOutline.Chapter chapter(StudioOutline.Section section, Context ctx) {
        String slug = ctx.pathParam("chapter");
        return section.chapters().stream()
                .filter(c -> c.slug().equals(slug))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    /** A section's title, or its slug once it is gone (a conflict may describe what no longer exists). */
    private static String title(At at, String section) {
        return at.outline().sections().stream()
                .filter(s -> s.slug().equals(section))
                .map(StudioOutline.Section::title)
                .findFirst()
                .orElse(section);
    }

    private static String sectionTitle(At at, Context ctx) {
        return title(at, ctx.pathParam("section"));
    }

    private static String chapterTitle(At at, Context ctx) {
        return at.outline()
                .chapter(ctx.pathParam("section"), ctx.pathParam("chapter"))
                .map(StudioOutline.Chapter::title)
                .orElse(ctx.pathParam("chapter"));
    }

    private static int direction(Context ctx) {
        return switch (form(ctx, "direction")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new BadRequestResponse();
        };
    }

    /** The place a drop asks for, 1 for the first; null when the request names none. */
    private static Integer position(Context ctx) {
        String position = ctx.formParam("position");
        if (position == null) {
            return null;
        }
        try {
            int place = Integer.parseInt(position.trim());
            if (place < 1) {
                throw new BadRequestResponse();
            }
            return place;
        } catch (NumberFormatException e) {
            throw new BadRequestResponse();
        }
    }

    private String text(Context ctx, String key, Object... arguments) {
        return studio.text(ctx, key, arguments);
    }

    private static String form(Context ctx, String name) {
        return StudioController.param(ctx, name).trim();
    }
}
