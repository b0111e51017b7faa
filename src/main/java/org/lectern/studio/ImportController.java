package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.content.ContentException;
import org.lectern.web.Flash;
import org.lectern.web.WebServer;

/**
 * {@code /studio/import}: upload a zip, see what it would change and how its changed challenges verify, then import
 * it, deciding about regrading when answer keys change.
 */
final class ImportController {
    private final ZipImports imports;
    private final StudioController studio;
    private final Flash flash;

    ImportController(ZipImports imports, StudioController studio, Flash flash) {
        this.imports = imports;
        this.studio = studio;
        this.flash = flash;
    }

    /** A changed challenge of the upload as the preview lists it: where, whether it verifies, and if not why. */
    record ChallengeRow(String where, boolean passed, String reason) {}

    void form(Context ctx) {
        show(ctx, 200, Map.of());
    }

    void upload(Context ctx) {
        UploadedFile upload = ctx.uploadedFile("zip");
        if (upload == null || upload.size() == 0) {
            show(ctx, 400, Map.of("error", studio.text(ctx, "studio.import.none")));
            return;
        }
        try (InputStream in = upload.content()) {
            ZipImports.Staged staged =
                    imports.stage(in.readNBytes((int) WebServer.MAX_REQUEST_BYTES), studio.userId(ctx));
            var failing = staged.failing();
            if (failing.isPresent()) {
                String reason = reason(ctx, failing.get().where(), failing.get().verified());
                show(ctx, 422, staged, studio.text(ctx, "studio.import.invalid", reason));
                return;
            }
            show(ctx, 200, staged, null);
        } catch (InvalidCourse invalid) {
            show(ctx, 422, Map.of("error", studio.text(ctx, invalid.messageKey())));
        } catch (ContentException invalid) {
            show(ctx, 422, Map.of("error", studio.text(ctx, "studio.import.invalid", invalid.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code force=yes} to retire answered questions; {@code regrade=yes|no} when answer keys change. */
    void apply(Context ctx) {
        boolean force = "yes".equals(ctx.formParam("force"));
        try {
            List<ImportPreview> done =
                    imports.apply(ctx.pathParam("token"), force, StudioController.regrade(ctx), studio.userId(ctx));
            flash.set(ctx, "studio.flash.imported");
            ctx.redirect(done.size() == 1 ? "/studio/courses/" + done.get(0).slug() : "/studio");
        } catch (ZipImports.Undecided undecided) {
            show(ctx, 409, undecided.staged(), studio.text(ctx, undecided.messageKey()));
        } catch (UnverifiedChallenge unverified) {
            String reason = ChallengeReasons.of(studio, ctx, unverified.dir(), unverified.verification());
            show(ctx, 422, Map.of("error", studio.text(ctx, "studio.import.invalid", reason)));
        } catch (InvalidCourse invalid) {
            show(ctx, 404, Map.of("error", studio.text(ctx, invalid.messageKey())));
        } catch (ContentException invalid) {
            show(ctx, 422, Map.of("error", studio.text(ctx, "studio.import.invalid", invalid.getMessage())));
        }
    }

    private void show(Context ctx, int status, ZipImports.Staged staged, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("staged", staged);
        model.put(
                "challenges",
                staged.challenges().stream()
                        .map(c -> new ChallengeRow(
                                c.where(), c.verified().passed(), reason(ctx, c.where(), c.verified())))
                        .toList());
        model.put("error", error);
        show(ctx, status, model);
    }

    private String reason(Context ctx, String where, ChallengeGate.Verified verified) {
        return ChallengeReasons.of(studio, ctx, where, verified.verification());
    }

    private void show(Context ctx, int status, Map<String, Object> model) {
        studio.page(ctx, status, "studio/import", model);
    }
}
