package org.lectern.studio;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.CourseFiles;
import org.lectern.web.Flash;
import org.lectern.web.Renderer;

/** Sections and chapters: add, rename, reorder (buttons and drag and drop), mark free, delete after a warning. */
final class StructureController {
    private final Drafts drafts;
    private final Structure structure;
    private final LearnerWork work;
    private final StudioController studio;
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
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    /** The working copy a request changes, as it was read. */
    private record At(String slug, CourseFiles files, StudioOutline outline) {}

    void addSection(Context ctx) {
        change(ctx, at -> Restructuring.addSection(at.outline(), form(ctx, "slug"), form(ctx, "title")), "added");
    }

    void addChapter(Context ctx) {
        change(ctx, at -> Restructuring.addChapter(section(at, ctx), form(ctx, "slug"), form(ctx, "title")), "added");
    }

    void retitleSection(Context ctx) {
        change(
                ctx,
                at -> Restructuring.retitle(at.files(), section(at, ctx).folder() + "/section.md", form(ctx, "title")),
                "renamed");
    }

    void moveSection(Context ctx) {
        change(
                ctx,
                at -> Restructuring.orderSections(
                        at.files(),
                        at.outline(),
                        Restructuring.moved(
                                Structure.sectionOrder(at.outline()),
                                section(at, ctx).slug(),
                                direction(ctx))),
                "moved");
    }

    void orderChapters(Context ctx) {
        List<String> order =
                Arrays.stream(form(ctx, "order").split(",")).map(String::trim).toList();
        change(ctx, at -> Restructuring.orderChapters(at.files(), section(at, ctx), order), "moved");
    }

    void moveChapter(Context ctx) {
        change(
                ctx,
                at -> {
                    StudioOutline.Section section = section(at, ctx);
                    List<String> order = Restructuring.moved(
                            Structure.chapterOrder(section),
                            chapter(section, ctx).slug(),
                            direction(ctx));
                    return Restructuring.orderChapters(at.files(), section, order);
                },
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
                "saved");
    }

    void confirmDeleteChapter(Context ctx) {
        At at = at(ctx);
        StudioOutline.Section section = section(at, ctx);
        StudioOutline.Chapter chapter = chapter(section, ctx);
        confirm(ctx, at, chapter.title(), work.inChapter(at.slug(), section.slug(), chapter.slug()));
    }

    void deleteChapter(Context ctx) {
        change(ctx, at -> Restructuring.deleteChapter(at.files(), chapter(section(at, ctx), ctx)), "deleted");
    }

    void confirmDeleteSection(Context ctx) {
        At at = at(ctx);
        StudioOutline.Section section = section(at, ctx);
        confirm(ctx, at, section.title(), work.inSection(at.slug(), section.slug()));
    }

    void deleteSection(Context ctx) {
        change(ctx, at -> Restructuring.deleteSection(at.files(), section(at, ctx)), "deleted");
    }

    private interface Change {
        Map<String, byte[]> of(At at);
    }

    /** Computes a change from the working copy, saves it as a revision, and goes back to the course page. */
    private void change(Context ctx, Change change, String what) {
        At at = at(ctx);
        try {
            structure.apply(
                    at.slug(),
                    at.files(),
                    change.of(at),
                    studio.text(ctx, "studio.structure.revision." + what),
                    currentUser.userId(ctx).orElseThrow());
        } catch (InvalidCourse invalid) {
            studio.showCourse(ctx, 422, at.slug(), studio.text(ctx, invalid.messageKey()));
            return;
        } catch (Conflict conflict) {
            studio.showCourse(ctx, 409, at.slug(), studio.text(ctx, "studio.structure.conflict"));
            return;
        }
        flash.set(ctx, "studio.flash.structure." + what);
        ctx.redirect("/studio/courses/" + at.slug());
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

    private static StudioOutline.Section section(At at, Context ctx) {
        String slug = ctx.pathParam("section");
        return at.outline().sections().stream()
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    private static StudioOutline.Chapter chapter(StudioOutline.Section section, Context ctx) {
        String slug = ctx.pathParam("chapter");
        return section.chapters().stream()
                .filter(c -> c.slug().equals(slug))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
    }

    private static int direction(Context ctx) {
        return switch (form(ctx, "direction")) {
            case "up" -> -1;
            case "down" -> 1;
            default -> throw new BadRequestResponse();
        };
    }

    private static String form(Context ctx, String name) {
        return StudioController.param(ctx, name).trim();
    }
}
