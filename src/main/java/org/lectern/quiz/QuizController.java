package org.lectern.quiz;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.Map;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.content.PageAdditions;
import org.lectern.web.Renderer;

/** Answering a chapter's questions in place: each POST returns the question's fragment with the result. */
public final class QuizController implements PageAdditions {
    private final Quiz quiz;
    private final Catalog catalog;
    private final Renderer renderer;
    private final CurrentUser currentUser;

    public QuizController(Quiz quiz, Catalog catalog, Renderer renderer, CurrentUser currentUser) {
        this.quiz = quiz;
        this.catalog = catalog;
        this.renderer = renderer;
        this.currentUser = currentUser;
    }

    /** The chapter page's quiz, for every learner the same but the Parsons order, which follows the learner. */
    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        long seed = currentUser.userId(ctx).orElse(0L);
        ChapterAt chapter = new ChapterAt(course, at);
        model.put("quiz", quiz.forChapter(chapter.chapterId(), chapter.place(), chapter.path(), seed));
        model.put("shownAt", quiz.now());
    }

    public void answer(Context ctx) {
        long userId = currentUser.userId(ctx).orElseThrow();
        ChapterAt chapter = ChapterAt.of(catalog, ctx);
        long questionId = parseId(ctx.pathParam("question"));
        Quiz.Answered answered;
        try {
            answered = quiz.answer(
                    userId, chapter.chapterId(), questionId, submission(ctx), chapter.place(), chapter.path());
        } catch (Grader.InvalidAnswer invalid) {
            if (ctx.header("HX-Request") != null) {
                // htmx shows this text in the question (quiz.js), where the learner is looking
                ctx.status(400).contentType("text/plain; charset=utf-8").result(invalid.getMessage());
                return;
            }
            throw new BadRequestResponse(invalid.getMessage());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("q", answered.question());
        model.put("result", answered.outcome());
        model.put("shownAt", quiz.now());
        renderer.html(ctx, "quiz/question :: question", model);
    }

    private static Submission submission(Context ctx) {
        return new Submission(
                ctx.formParams("option"),
                ctx.formParam("text"),
                ctx.formParams("line"),
                ctx.formParam("give_up") != null,
                shownAt(ctx.formParam("shown_at")));
    }

    private static Long shownAt(String raw) {
        try {
            return raw == null || raw.isBlank() ? null : Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static long parseId(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("No such question");
        }
    }
}
