package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.ContentException;
import org.lectern.web.Flash;
import org.lectern.web.Locales;
import org.lectern.web.Renderer;
import org.lectern.web.WebServer;

/** {@code /studio/import}: upload a zip, see what it would change, then import it. */
final class ImportController {
    private final ZipImports imports;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final Flash flash;

    ImportController(ZipImports imports, Renderer renderer, CurrentUser currentUser, Flash flash) {
        this.imports = imports;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    void form(Context ctx) {
        show(ctx, 200, Map.of());
    }

    void upload(Context ctx) {
        UploadedFile upload = ctx.uploadedFile("zip");
        if (upload == null || upload.size() == 0) {
            show(ctx, 400, Map.of("error", text(ctx, "studio.import.none")));
            return;
        }
        try (InputStream in = upload.content()) {
            ZipImports.Staged staged = imports.stage(in.readNBytes((int) WebServer.MAX_REQUEST_BYTES));
            show(ctx, 200, Map.of("staged", staged));
        } catch (InvalidCourse invalid) {
            show(ctx, 422, Map.of("error", text(ctx, invalid.messageKey())));
        } catch (ContentException invalid) {
            show(ctx, 422, Map.of("error", text(ctx, "studio.import.invalid", invalid.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void apply(Context ctx) {
        boolean force = "yes".equals(ctx.formParam("force"));
        try {
            List<ImportPreview> done = imports.apply(
                    ctx.pathParam("token"), force, currentUser.userId(ctx).orElseThrow());
            flash.set(ctx, "studio.flash.imported");
            ctx.redirect(done.size() == 1 ? "/studio/courses/" + done.get(0).slug() : "/studio");
        } catch (ZipImports.RetiringAnswers refused) {
            show(ctx, 409, Map.of("staged", refused.staged(), "error", text(ctx, "studio.import.needsForce")));
        } catch (InvalidCourse invalid) {
            show(ctx, 404, Map.of("error", text(ctx, invalid.messageKey())));
        } catch (ContentException invalid) {
            show(ctx, 422, Map.of("error", text(ctx, "studio.import.invalid", invalid.getMessage())));
        }
    }

    private void show(Context ctx, int status, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        renderer.html(ctx, "studio/import", model);
    }

    private String text(Context ctx, String key, Object... arguments) {
        return renderer.messages().get(Locales.of(ctx), key, arguments);
    }
}
