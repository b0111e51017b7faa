package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.CourseFiles;
import org.lectern.web.Flash;
import org.lectern.web.Renderer;

/** The revision log of a course: the list, one revision with a diff against the working copy, and restoring it. */
final class RevisionController {
    private static final int LIST_LIMIT = 200;
    private final Drafts drafts;
    private final RevisionRepository revisions;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final Flash flash;

    RevisionController(
            Drafts drafts, RevisionRepository revisions, Renderer renderer, CurrentUser currentUser, Flash flash) {
        this.drafts = drafts;
        this.revisions = revisions;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    void list(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        show(ctx, "studio/revisions", Map.of("slug", slug, "revisions", revisions.list(slug, LIST_LIMIT)));
    }

    /** One file of a revision: its content then, and what changed from it to the working copy. */
    record FileView(String path, boolean removed, String content, List<TextDiff.Line> diff) {}

    void show(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        var revision = revision(ctx, slug);
        CourseFiles current = drafts.current(slug);
        List<FileView> files = new ArrayList<>();
        for (var file : revisions.files(revision.id()).entrySet()) {
            String then = file.getValue() == null ? "" : new String(file.getValue(), StandardCharsets.UTF_8);
            String now = current.text(file.getKey()).orElse("");
            String path = file.getKey();
            files.add(new FileView(
                    path,
                    file.getValue() == null,
                    then,
                    TextDiff.between("revision " + revision.id() + "/" + path, then, "current/" + path, now)));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("slug", slug);
        model.put("revision", revision);
        model.put("files", files);
        show(ctx, "studio/revision", model);
    }

    void restore(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        var revision = revision(ctx, slug);
        Map<String, byte[]> files = new LinkedHashMap<>(revisions.files(revision.id()));
        drafts.save(
                slug,
                files,
                Map.of(),
                RevisionKind.RESTORE,
                "#" + revision.id(),
                currentUser.userId(ctx).orElseThrow());
        flash.set(ctx, "studio.flash.restored");
        ctx.redirect("/studio/courses/" + slug + "/revisions");
    }

    private RevisionRepository.Revision revision(Context ctx, String slug) {
        try {
            return revisions
                    .find(slug, Long.parseLong(ctx.pathParam("revision")))
                    .orElseThrow(NotFoundResponse::new);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private void show(Context ctx, String template, Map<String, Object> model) {
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, template, model);
    }
}
