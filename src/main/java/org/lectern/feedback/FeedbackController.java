package org.lectern.feedback;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.content.PageAdditions;
import org.lectern.content.ReaderParts;
import org.lectern.web.Renderer;

/**
 * "Was everything clear?" at the end of a chapter: Yes or No, then an optional suggestion, then thanks. Each POST
 * returns the block's fragment ({@code feedback/feedback :: feedback}) for htmx to swap in.
 */
public final class FeedbackController implements PageAdditions {
    static final int MAX_COMMENT = 2000;
    private final FeedbackRepository feedback;
    private final Catalog catalog;
    private final Renderer renderer;
    private final CurrentUser currentUser;
    private final Clock clock;

    public FeedbackController(
            DSLContext dsl, Catalog catalog, Renderer renderer, CurrentUser currentUser, Clock clock) {
        this.feedback = new FeedbackRepository(dsl);
        this.catalog = catalog;
        this.renderer = renderer;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The chapter page's feedback block: the learner's earlier answer, if any. */
    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        model.put("feedbackAction", at.path(course.slug()) + "/feedback");
        currentUser
                .userId(ctx)
                .flatMap(id -> feedback.find(id, at.chapter().id()))
                .ifPresent(f -> {
                    model.put("feedback", f);
                    model.put("feedbackStep", "thanks");
                    ReaderParts.shapedBy(model, f.clear() ? "clear" : "unclear");
                });
    }

    public void save(Context ctx) {
        long userId = currentUser.userId(ctx).orElseThrow();
        ChapterAt chapter = ChapterAt.of(catalog, ctx);
        String clear = ctx.formParam("clear");
        if (!"yes".equals(clear) && !"no".equals(clear)) {
            throw new BadRequestResponse("Answer yes or no");
        }
        String comment = ctx.formParam("comment");
        if (comment != null) {
            comment = comment.strip();
            if (comment.length() > MAX_COMMENT) {
                throw new BadRequestResponse("A suggestion is at most " + MAX_COMMENT + " characters");
            }
        }
        feedback.save(userId, chapter.chapterId(), clear.equals("yes"), comment, OffsetDateTime.now(clock));
        Map<String, Object> model = new HashMap<>();
        model.put("feedbackAction", chapter.path() + "/feedback");
        model.put("feedback", feedback.find(userId, chapter.chapterId()).orElseThrow());
        // After Yes/No comes the suggestion box; after the suggestion (even an empty one), thanks.
        model.put("feedbackStep", comment == null ? "comment" : "thanks");
        renderer.html(ctx, "feedback/feedback :: feedback", model);
    }
}
