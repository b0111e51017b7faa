package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lectern.challenge.Verification;
import org.lectern.content.ContentException;
import org.lectern.content.CourseSource.ChallengeSource;
import org.lectern.web.ErrorPages;
import org.lectern.web.Flash;

/**
 * The challenge editor: a chapter's challenges, each one's four files edited in the chapter editor (same page, same
 * saving, locking and revisions), adding and deleting a challenge, and Verify in the sandbox.
 */
final class ChallengeEditor {
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final StudioController studio;
    private final Drafts drafts;
    private final ChallengeGate gate;
    private final Flash flash;

    ChallengeEditor(StudioController studio, Drafts drafts, ChallengeGate gate, Flash flash) {
        this.studio = studio;
        this.drafts = drafts;
        this.gate = gate;
        this.flash = flash;
    }

    /** A challenge in the chapter's list: its key and title (the key when its statement cannot be read). */
    record Entry(String key, String title) {}

    void list(Context ctx) {
        showList(ctx, 200, studio.editing(ctx), "", "", null);
    }

    void add(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = StudioController.optional(ctx, "key").trim();
        String title = StudioController.optional(ctx, "title").trim();
        String error = null;
        if (!KEY.matcher(key).matches() || key.length() > 100) {
            error = "studio.challenge.badKey";
        } else if (title.isEmpty() || title.length() > 200) {
            error = "studio.challenge.badTitle";
        } else if (ChallengeGate.keys(at.files(), at.chapter().base()).contains(key)) {
            error = "studio.challenge.taken";
        }
        if (error != null) {
            showList(ctx, 422, at, key, title, studio.text(ctx, error));
            return;
        }
        String dir = dir(at, key);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(dir + "/challenge.md", StudioController.bytes(NEW_STATEMENT.formatted(Drafts.yamlString(title))));
        files.put(dir + "/starter.py", StudioController.bytes(NEW_STARTER));
        files.put(dir + "/tests.py", StudioController.bytes(NEW_TESTS));
        files.put(dir + "/solution.py", StudioController.bytes(NEW_SOLUTION));
        Map<String, String> bases = new LinkedHashMap<>();
        files.keySet().forEach(path -> bases.put(path, ""));
        try {
            drafts.save(at.slug(), files, bases, RevisionKind.SAVE, title, studio.userId(ctx));
        } catch (Conflict conflict) {
            showList(ctx, 409, at, key, title, studio.text(ctx, "studio.challenge.taken"));
            return;
        }
        flash.set(ctx, "studio.flash.challengeAdded");
        ctx.redirect(path(at, key) + "/files/challenge.md");
    }

    void delete(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = key(ctx, at);
        Map<String, byte[]> removed = new HashMap<>();
        Map<String, String> bases = new HashMap<>();
        String prefix = dir(at, key) + "/";
        for (String path : at.files().paths()) {
            if (path.startsWith(prefix)) {
                removed.put(path, null);
                bases.put(path, at.files().bytes(path).map(Drafts::sha).orElse(""));
            }
        }
        try {
            drafts.save(at.slug(), removed, bases, RevisionKind.SAVE, "", studio.userId(ctx));
        } catch (Conflict conflict) {
            showList(ctx, 409, at, "", "", studio.text(ctx, "studio.challenge.changedMeanwhile"));
            return;
        }
        flash.set(ctx, "studio.flash.challengeDeleted");
        ctx.redirect(StudioController.editorPath(at) + "/challenges");
    }

    void editor(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = key(ctx, at);
        String path = file(ctx, at, key);
        String text = at.files().text(path).orElse("");
        showEditor(ctx, 200, at, key, path, text, Drafts.sha(StudioController.bytes(text)), null, null, null);
    }

    void save(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = key(ctx, at);
        String path = file(ctx, at, key);
        String back = ctx.path();
        studio.saveFile(
                ctx,
                at,
                path,
                back,
                (text, theirSha, theirs) -> showEditor(ctx, 409, at, key, path, text, theirSha, theirs, null, null));
    }

    void state(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String path = file(ctx, at, key(ctx, at));
        ctx.header("Cache-Control", "no-store");
        ctx.json(Map.of("sha", at.files().bytes(path).map(Drafts::sha).orElse("")));
    }

    /** The statement's check as the author types: whether the importer reads the challenge, and its demands. */
    void preview(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = key(ctx, at);
        String path = file(ctx, at, key);
        var files = at.files().with(path, StudioController.bytes(StudioController.param(ctx, "text")));
        Map<String, Object> model = new HashMap<>();
        model.put("challengeCheck", check(files, dir(at, key), key));
        ctx.header("Cache-Control", "no-store");
        studio.renderer().html(ctx, "studio/editor :: preview", model);
    }

    /** Verify: the draft's solution must pass and its starter must fail, in the sandbox. */
    void verify(Context ctx) {
        StudioController.Editing at = studio.editing(ctx);
        String key = key(ctx, at);
        String dir = dir(at, key);
        String back = ctx.formParam("file");
        String path = back != null && ChallengeSource.FILES.contains(back) ? dir + "/" + back : dir + "/challenge.md";
        ChallengeSource source;
        try {
            source = ChallengeGate.read(at.files(), dir, key);
        } catch (ContentException invalid) {
            String reason = studio.text(ctx, "studio.challenge.invalid", invalid.getMessage());
            if (ErrorPages.wantsJson(ctx)) {
                ctx.status(422).json(Map.of("error", reason));
                return;
            }
            String text = at.files().text(path).orElse("");
            showEditor(ctx, 422, at, key, path, text, Drafts.sha(StudioController.bytes(text)), null, reason, null);
            return;
        }
        Verification verification = gate.verify(studio.userId(ctx), source);
        String reason = ChallengeReasons.of(studio, ctx, dir, verification);
        if (ErrorPages.wantsJson(ctx)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("passed", verification.passed());
            body.put("reason", reason);
            body.put("solution", verification.solution());
            body.put("starter", verification.starter());
            ctx.json(body);
            return;
        }
        String text = at.files().text(path).orElse("");
        showEditor(
                ctx,
                200,
                at,
                key,
                path,
                text,
                Drafts.sha(StudioController.bytes(text)),
                null,
                null,
                new VerifyView(verification, reason));
    }

    /** A Verify's outcome for the page: the runs, and the reason when it failed. */
    record VerifyView(Verification verification, String reason) {}

    /** Whether the importer reads the challenge, and what its front matter asks. */
    record Check(String error, String title, Integer maxWallMs, int repeat, Integer minProcesses) {}

    static Check check(org.lectern.content.CourseFiles files, String dir, String key) {
        try {
            ChallengeSource c = ChallengeGate.read(files, dir, key);
            return new Check(null, c.title(), c.maxWallMs(), c.repeatRuns(), c.minProcesses());
        } catch (ContentException invalid) {
            return new Check(invalid.getMessage(), null, null, 1, null);
        }
    }

    private void showList(
            Context ctx, int status, StudioController.Editing at, String key, String title, String error) {
        Map<String, Object> model = StudioController.editorModel(at, "", "", null, error);
        List<Entry> entries = new ArrayList<>();
        for (String k : ChallengeGate.keys(at.files(), at.chapter().base())) {
            Check c = check(at.files(), dir(at, k), k);
            entries.add(new Entry(k, c.title() == null ? k : c.title()));
        }
        model.put("challenges", entries);
        model.put("newKey", key);
        model.put("newTitle", title);
        studio.page(ctx, status, "studio/challenges", model);
    }

    private void showEditor(
            Context ctx,
            int status,
            StudioController.Editing at,
            String key,
            String path,
            String text,
            String base,
            String theirs,
            String error,
            VerifyView verified) {
        Map<String, Object> model = StudioController.editorModel(at, text, base, theirs, error);
        String name = path.substring(path.lastIndexOf('/') + 1);
        model.put("action", path(at, key) + "/files/" + name);
        model.put("mode", name.endsWith(".py") ? "python" : "markdown");
        model.put("challengeKey", key);
        model.put("challengePath", path(at, key));
        model.put("challengeFile", name);
        model.put("challengeFiles", ChallengeSource.FILES);
        model.put("challengeCheck", check(at.files().with(path, StudioController.bytes(text)), dir(at, key), key));
        model.put("verified", verified);
        studio.page(ctx, status, "studio/editor", model);
    }

    private static String dir(StudioController.Editing at, String key) {
        return at.chapter().base() + ".challenges/" + key;
    }

    private static String path(StudioController.Editing at, String key) {
        return StudioController.editorPath(at) + "/challenges/" + key;
    }

    /** The challenge a request names; 404 unless the chapter has it. */
    private static String key(Context ctx, StudioController.Editing at) {
        String key = ctx.pathParam("key");
        if (!ChallengeGate.keys(at.files(), at.chapter().base()).contains(key)) {
            throw new NotFoundResponse();
        }
        return key;
    }

    /** The challenge file a request names; 404 for any other name. */
    private static String file(Context ctx, StudioController.Editing at, String key) {
        String name = ctx.pathParam("file");
        if (!ChallengeSource.FILES.contains(name)) {
            throw new NotFoundResponse();
        }
        return dir(at, key) + "/" + name;
    }

    private static final String NEW_STATEMENT = """
            ---
            title: %s
            ---
            Write `answer()` so that it returns 42.
            """;

    private static final String NEW_STARTER = """
            def answer():
                return 0
            """;

    private static final String NEW_TESTS = """
            from solution import answer


            def test_answer():
                \"\"\"answer() returns 42.\"\"\"
                assert answer() == 42, f"answer() returned {answer()!r}"
            """;

    private static final String NEW_SOLUTION = """
            def answer():
                return 42
            """;
}
