package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.CourseFiles;
import org.lectern.web.Flash;

/** Uploading images into a course's working copy, and serving the working copy's images to the preview. */
final class MediaController {
    private final Drafts drafts;
    private final StudioController studio;
    private final CurrentUser currentUser;
    private final Flash flash;

    MediaController(Drafts drafts, StudioController studio, CurrentUser currentUser, Flash flash) {
        this.drafts = drafts;
        this.studio = studio;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    void upload(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            studio.showCourse(ctx, 400, slug, studio.text(ctx, "studio.media.none"));
            return;
        }
        try (InputStream in = file.content()) {
            byte[] content = in.readNBytes(Media.MAX_BYTES + 1);
            String path = Media.path(file.filename(), content);
            CourseFiles read = drafts.current(slug);
            new Structure(drafts)
                    .apply(
                            slug,
                            read,
                            Map.of(path, content),
                            studio.text(ctx, "studio.media.revision", path),
                            currentUser.userId(ctx).orElseThrow());
        } catch (InvalidCourse invalid) {
            studio.showCourse(ctx, 422, slug, studio.text(ctx, invalid.messageKey()));
            return;
        } catch (Conflict conflict) {
            studio.showCourse(ctx, 409, slug, studio.text(ctx, "studio.structure.conflict"));
            return;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flash.set(ctx, "studio.flash.uploaded");
        ctx.redirect("/studio/courses/" + slug);
    }

    /** A file of the working copy, for the editor's preview; revalidated by its hash, never shared. */
    void serve(Context ctx) {
        String slug = StudioController.courseSlug(drafts, ctx);
        String path = "images/" + ctx.pathParam("name");
        byte[] content = drafts.current(slug).bytes(path).orElseThrow(NotFoundResponse::new);
        String etag = "\"" + Drafts.sha(content).substring(0, 32) + "\"";
        ctx.header("ETag", etag);
        ctx.header("Cache-Control", "private, no-cache");
        if (etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        if (path.endsWith(".svg")) {
            ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; sandbox");
        }
        ctx.contentType(Media.mediaType(path)).result(content);
    }
}
