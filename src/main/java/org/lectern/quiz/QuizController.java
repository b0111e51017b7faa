package org.lectern.quiz;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.content.PageAdditions;
import org.lectern.content.ReaderParts;
import org.lectern.web.Csrf;
import org.lectern.web.PageCache;
import org.lectern.web.Renderer;

/** Answering a chapter's questions in place: each POST returns the question's fragment with the result. */
public final class QuizController implements PageAdditions {
    private static final String QUESTION = "quiz/question :: question";
    private final Quiz quiz;
    private final Catalog catalog;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final PageCache pages;
    private final Function<Context, String> formToken;

    /** @param formToken the form token of a request's page ({@link Csrf#token}) */
    public QuizController(
            Quiz quiz,
            Catalog catalog,
            Renderer renderer,
            CurrentUser currentUser,
            PageCache pages,
            Function<Context, String> formToken) {
        this.quiz = quiz;
        this.catalog = catalog;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.pages = pages;
        this.formToken = formToken;
    }

    /** The chapter page's quiz, for every learner the same but the Parsons order, which follows the learner. */
    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        Optional<Long> learner = currentUser.userId(ctx);
        ChapterAt chapter = new ChapterAt(course, at);
        List<QuizQuestion> questions =
                quiz.forChapter(chapter.chapterId(), chapter.place(), chapter.path(), learner.orElse(0L));
        long shownAt = quiz.now();
        model.put("quiz", questions);
        model.put("shownAt", shownAt);
        if (learner.isEmpty()) {
            // a guest's page is kept whole by the page cache
            for (QuizQuestion q : questions) {
                Map<String, Object> question = new HashMap<>(model);
                question.put("q", q);
                question.put("result", null);
                ReaderParts.own(model, ownName(q), renderer.render(ctx, QUESTION, question));
            }
            return;
        }
        Map<Long, UnansweredQuestion> kept = unanswered(ctx, questions, model);
        String token = formToken.apply(ctx);
        for (QuizQuestion q : questions) {
            ReaderParts.own(model, ownName(q), kept.get(q.id()).fill(token, shownAt, q.lines()));
        }
    }

    private static String ownName(QuizQuestion q) {
        return "question-" + q.id();
    }

    /** The questions a learner's page can take as kept ({@link UnansweredQuestion}), by id. */
    private Map<Long, UnansweredQuestion> unanswered(
            Context ctx, List<QuizQuestion> questions, Map<String, Object> page) {
        Map<Long, UnansweredQuestion> kept = new HashMap<>();
        for (QuizQuestion q : questions) {
            kept.put(q.id(), pages.part(ctx, "question " + q.id(), () -> {
                Map<String, Object> model = new HashMap<>(page);
                model.put("q", UnansweredQuestion.keptForm(q));
                model.put("result", null);
                model.put("csrf", Csrf.placeField());
                model.put("shownAt", UnansweredQuestion.shownAtPlace());
                return new UnansweredQuestion(renderer.render(ctx, QUESTION, model));
            }));
        }
        return kept;
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
        String html = AnsweredQuestion.html(
                renderer, pages, ctx, QUESTION, answered.question(), answered.outcome(), quiz.now());
        Renderer.send(ctx, html.getBytes(StandardCharsets.UTF_8));
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
