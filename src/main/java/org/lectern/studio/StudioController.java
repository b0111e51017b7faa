package org.lectern.studio;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.ContentException;
import org.lectern.content.CourseExporter;
import org.lectern.content.CourseFiles;
import org.lectern.content.QuizSource;
import org.lectern.web.ErrorPages;
import org.lectern.web.Flash;
import org.lectern.web.Locales;
import org.lectern.web.Renderer;

/** The studio's course list, course page, chapter editor and publishing. */
final class StudioController {
    private final Drafts drafts;
    private final Publisher publisher;
    private final Preview preview;
    private final CourseExporter exporter;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final Flash flash;

    StudioController(
            Drafts drafts,
            Publisher publisher,
            Preview preview,
            CourseExporter exporter,
            Renderer renderer,
            CurrentUser currentUser,
            Flash flash) {
        this.drafts = drafts;
        this.publisher = publisher;
        this.preview = preview;
        this.exporter = exporter;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.flash = flash;
    }

    void courses(Context ctx) {
        page(ctx, 200, "studio/courses", Map.of("courses", drafts.courses(), "create", new CreateForm("", "", null)));
    }

    void create(Context ctx) {
        String slug = optional(ctx, "slug").trim();
        String title = optional(ctx, "title").trim();
        try {
            drafts.create(slug, title, userId(ctx));
        } catch (InvalidCourse invalid) {
            String error = text(ctx, invalid.messageKey());
            page(
                    ctx,
                    422,
                    "studio/courses",
                    Map.of("courses", drafts.courses(), "create", new CreateForm(slug, title, error)));
            return;
        }
        flash.set(ctx, "studio.flash.created");
        ctx.redirect("/studio/courses/" + slug);
    }

    void course(Context ctx) {
        showCourse(ctx, 200, courseSlug(ctx), null);
    }

    void publishCourse(Context ctx) {
        String slug = courseSlug(ctx);
        try {
            publisher.publishCourse(slug, userId(ctx), regrade(ctx));
        } catch (RegradeDecision decision) {
            askAboutRegrading(ctx, slug, decision, "/studio/courses/" + slug + "/publish");
            return;
        } catch (UnverifiedChallenge unverified) {
            showCourse(ctx, 422, slug, text(ctx, "studio.publish.failed", unverified(ctx, unverified)));
            return;
        } catch (ContentException invalid) {
            showCourse(ctx, 422, slug, text(ctx, "studio.publish.failed", invalid.getMessage()));
            return;
        }
        flash.set(ctx, "studio.flash.published");
        ctx.redirect("/studio/courses/" + slug);
    }

    void exportZip(Context ctx) {
        String slug = courseSlug(ctx);
        CourseFiles files = exporter.published(slug).orElseThrow(NotFoundResponse::new);
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"" + slug + ".zip\"");
        ctx.header("Cache-Control", "no-store");
        files.writeZip(slug, ctx.outputStream());
    }

    void editor(Context ctx) {
        Editing at = editing(ctx);
        String text = at.files().text(at.chapter().path()).orElse("");
        showEditor(ctx, 200, at, text, Drafts.sha(bytes(text)), null, null);
    }

    void save(Context ctx) {
        Editing at = editing(ctx);
        saveFile(ctx, at, at.chapter().path(), editorPath(at), onConflict(ctx, at));
    }

    private ConflictPage onConflict(Context ctx, Editing at) {
        return (text, theirSha, theirs) -> showEditor(ctx, 409, at, text, theirSha, theirs, null);
    }

    /** The editor page again after a stale save: the author's text beside the other save's. */
    interface ConflictPage {
        void show(String yours, String theirSha, String theirs);
    }

    void quizEditor(Context ctx) {
        Editing at = editing(ctx);
        String path = quizPath(at);
        String text = at.files().text(path).orElse(NEW_QUIZ);
        showEditor(ctx, 200, at, text, at.files().bytes(path).map(Drafts::sha).orElse(""), null, null);
    }

    /** Saves the quiz only when it passes the importer's checks; the author's text comes back with the reason. */
    void saveQuiz(Context ctx) {
        Editing at = editing(ctx);
        String text = param(ctx, "text").replace("\r\n", "\n");
        try {
            QuizSource.read(quizPath(at), text);
        } catch (ContentException invalid) {
            String reason = text(ctx, "studio.quiz.invalid", invalid.getMessage());
            if (ErrorPages.wantsJson(ctx)) {
                ctx.status(422).json(Map.of("error", reason));
                return;
            }
            showEditor(ctx, 422, at, text, param(ctx, "base"), null, reason);
            return;
        }
        saveFile(ctx, at, quizPath(at), editorPath(at) + "/quiz", onConflict(ctx, at));
    }

    void checkQuiz(Context ctx) {
        Editing at = editing(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("quizCheck", QuizCheck.of(quizPath(at), param(ctx, "text")));
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, "studio/editor :: preview", model);
    }

    /**
     * Saves one file of the draft from the editor's form ({@code text}, {@code base}, {@code message}) under the
     * optimistic lock: JSON for the editor's script, else a redirect to {@code back} or the conflict page.
     */
    void saveFile(Context ctx, Editing at, String path, String back, ConflictPage conflictPage) {
        saveText(ctx, at, path, param(ctx, "text").replace("\r\n", "\n"), back, conflictPage);
    }

    /** {@link #saveFile} with the file's new text made by the caller, e.g. written from the quiz form. */
    void saveText(Context ctx, Editing at, String path, String text, String back, ConflictPage conflictPage) {
        String base = param(ctx, "base");
        try {
            long revision = drafts.save(
                    at.slug(),
                    Map.of(path, bytes(text)),
                    Map.of(path, base),
                    RevisionKind.SAVE,
                    optional(ctx, "message").trim(),
                    userId(ctx));
            if (ErrorPages.wantsJson(ctx)) {
                ctx.json(Map.of("sha", Drafts.sha(bytes(text)), "revision", revision));
                return;
            }
            flash.set(ctx, "studio.flash.saved");
            ctx.redirect(back);
        } catch (Conflict conflict) {
            if (ErrorPages.wantsJson(ctx)) {
                ctx.status(409)
                        .json(Map.of(
                                "error", text(ctx, "studio.conflict.message"),
                                "theirs", conflict.theirs(),
                                "sha", conflict.theirSha()));
                return;
            }
            conflictPage.show(text, conflict.theirSha(), conflict.theirs());
        }
    }

    /** The chapter's current hash, which the editor polls to tell its author that someone else saved. */
    void state(Context ctx) {
        Editing at = editing(ctx);
        ctx.header("Cache-Control", "no-store");
        String path =
                ctx.path().endsWith("/quiz/state") ? quizPath(at) : at.chapter().path();
        ctx.json(Map.of("sha", at.files().bytes(path).map(Drafts::sha).orElse("")));
    }

    void preview(Context ctx) {
        Editing at = editing(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("preview", preview.render(at.slug(), at.chapter(), param(ctx, "text")));
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, "studio/editor :: preview", model);
    }

    void publishChapter(Context ctx) {
        Editing at = editing(ctx);
        publishChapter(ctx, at, editorPath(at), reason -> refusedPublish(ctx, at, reason));
    }

    /** The page that tells why a publish was refused (the reason is in the reader's language). */
    interface RefusedPage {
        void show(String reason);
    }

    /**
     * Publishes the chapter from the editor page at {@code page}, which the publish's own address extends with
     * {@code /publish} (the regrade question posts there again) and which the author returns to.
     */
    void publishChapter(Context ctx, Editing at, String page, RefusedPage refusedPage) {
        try {
            publisher.publishChapter(at.slug(), at.chapter(), userId(ctx), regrade(ctx));
        } catch (RegradeDecision decision) {
            askAboutRegrading(ctx, at.slug(), decision, page + "/publish");
            return;
        } catch (InvalidCourse layoutChanged) {
            refusedPage.show(text(ctx, layoutChanged.messageKey()));
            return;
        } catch (UnverifiedChallenge unverified) {
            refusedPage.show(text(ctx, "studio.publish.failed", unverified(ctx, unverified)));
            return;
        } catch (ContentException invalid) {
            refusedPage.show(text(ctx, "studio.publish.failed", invalid.getMessage()));
            return;
        }
        flash.set(ctx, "studio.flash.chapterPublished");
        ctx.redirect(page);
    }

    /** The chapter editor again, as saved, with why the chapter was not published. */
    private void refusedPublish(Context ctx, Editing at, String reason) {
        String text = at.files().text(at.chapter().path()).orElse("");
        showEditor(ctx, 422, at, text, Drafts.sha(bytes(text)), null, reason);
    }

    private void askAboutRegrading(Context ctx, String slug, RegradeDecision decision, String action) {
        Map<String, Object> model = new HashMap<>();
        model.put("slug", slug);
        model.put("questions", decision.questions());
        model.put("action", action);
        page(ctx, 409, "studio/regrade", model);
    }

    /** {@code regrade=yes|no} as the author chose it, or {@link Publisher.Regrade#ASK} when they were not asked yet. */
    static Publisher.Regrade regrade(Context ctx) {
        String choice = ctx.formParam("regrade");
        if (choice == null) {
            return Publisher.Regrade.ASK;
        }
        return switch (choice) {
            case "yes" -> Publisher.Regrade.YES;
            case "no" -> Publisher.Regrade.NO;
            default -> throw new BadRequestResponse();
        };
    }

    /** The course, chapter and working copy a request addresses; 404 when there is no such chapter. */
    record Editing(String slug, CourseFiles files, StudioOutline outline, StudioOutline.Chapter chapter) {}

    Editing editing(Context ctx) {
        String slug = courseSlug(ctx);
        CourseFiles files = drafts.current(slug);
        StudioOutline outline = StudioOutline.of(files);
        var chapter = outline.chapter(ctx.pathParam("section"), ctx.pathParam("chapter"))
                .orElseThrow(NotFoundResponse::new);
        return new Editing(slug, files, outline, chapter);
    }

    private String courseSlug(Context ctx) {
        return courseSlug(drafts, ctx);
    }

    /** The course a request addresses; 404 for one with no files in either copy. */
    static String courseSlug(Drafts drafts, Context ctx) {
        String slug = ctx.pathParam("course");
        if (drafts.current(slug).isEmpty()) {
            throw new NotFoundResponse();
        }
        return slug;
    }

    private static final String NEW_QUIZ = """
            questions:
              - id: first-question
                kind: single
                prompt: What is the question?
                options:
                  - id: right
                    text: The right answer
                    correct: true
                    explanation: Why it is right.
                  - id: wrong
                    text: A wrong answer
                    explanation: Why it is wrong.
            """;

    static String quizPath(Editing at) {
        return at.chapter().base() + ".quiz.yaml";
    }

    static String editorPath(Editing at) {
        return "/studio/courses/" + at.slug() + "/chapters/" + at.chapter().sectionSlug() + "/"
                + at.chapter().slug();
    }

    /** @param error what went wrong, in the reader's language; null when nothing did */
    void showCourse(Context ctx, int status, String slug, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("slug", slug);
        CourseFiles files = drafts.current(slug);
        StudioOutline outline = StudioOutline.of(files);
        model.put("outline", outline);
        model.put("layout", outline.layoutSha());
        model.put(
                "images",
                files.paths().stream()
                        .filter(p -> p.startsWith("images/") && p.indexOf('/', 7) < 0)
                        .map(p -> p.substring(7))
                        .toList());
        Drafts.State state = drafts.state(slug);
        model.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        model.put("published", state != Drafts.State.DRAFT);
        model.put("error", error);
        page(ctx, status, "studio/course", model);
    }

    /** Why a publish refused a challenge, naming it, in the reader's language. */
    String unverified(Context ctx, UnverifiedChallenge unverified) {
        return ChallengeReasons.of(this, ctx, unverified.dir(), unverified.verification());
    }

    /** What every editor page shows: the chapter, the file's text and the hash it started from, a conflict, an error. */
    static Map<String, Object> editorModel(Editing at, String text, String base, String theirs, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("slug", at.slug());
        model.put("outline", at.outline());
        model.put("chapter", at.chapter());
        model.put("text", text);
        model.put("base", base);
        model.put("theirs", theirs);
        model.put("error", error);
        model.put("chapterAction", editorPath(at));
        return model;
    }

    private void showEditor(
            Context ctx, int status, Editing at, String text, String base, String theirs, String error) {
        Map<String, Object> model = editorModel(at, text, base, theirs, error);
        boolean quiz = ctx.path().endsWith("/quiz");
        model.put("action", editorPath(at) + (quiz ? "/quiz" : ""));
        model.put("mode", quiz ? "yaml" : "markdown");
        if (quiz) {
            model.put("quizCheck", QuizCheck.of(quizPath(at), text));
        } else {
            model.put("preview", preview.render(at.slug(), at.chapter(), text));
        }
        page(ctx, status, "studio/editor", model);
    }

    void page(Context ctx, int status, String template, Map<String, Object> model) {
        // Studio pages carry drafts and a CSRF token: nothing a shared cache or the back button should keep.
        ctx.header("Cache-Control", "no-store");
        ctx.status(status);
        renderer.html(ctx, template, model);
    }

    Renderer renderer() {
        return renderer;
    }

    Long userId(Context ctx) {
        return currentUser.userId(ctx).orElseThrow();
    }

    String text(Context ctx, String key, Object... arguments) {
        return renderer.messages().get(Locales.of(ctx), key, arguments);
    }

    static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        if (value == null) {
            throw new BadRequestResponse();
        }
        return value;
    }

    static String optional(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The create-a-course form as typed, with its error. */
    record CreateForm(String slug, String title, String error) {}
}
