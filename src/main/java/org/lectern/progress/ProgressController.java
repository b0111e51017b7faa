package org.lectern.progress;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.content.PageAdditions;
import org.lectern.content.ReaderParts;
import org.lectern.web.Renderer;

/**
 * A signed-in learner's progress on the reading pages (bars, ticks, "Continue"), "Mark as read", and the
 * dashboard at {@code /me}. Guests get nothing added, so their pages stay the same for everyone.
 */
public final class ProgressController implements PageAdditions {
    private final Progress progress;
    private final Catalog catalog;
    private final Renderer renderer;
    private final CurrentUser currentUser;

    public ProgressController(Progress progress, Catalog catalog, Renderer renderer, CurrentUser currentUser) {
        this.progress = progress;
        this.catalog = catalog;
        this.renderer = renderer;
        this.currentUser = currentUser;
    }

    @Override
    public void catalog(Context ctx, List<CourseOutline> courses, Map<String, Object> model) {
        currentUser
                .userId(ctx)
                .ifPresent(id -> model.put(
                        "progress",
                        courses.stream()
                                .collect(Collectors.toMap(CourseOutline::id, c -> progress.of(id, c), (a, b) -> a))));
    }

    @Override
    public void course(Context ctx, CourseOutline course, Map<String, Object> model) {
        currentUser.userId(ctx).ifPresent(id -> model.put("progress", progress.of(id, course)));
    }

    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        currentUser.userId(ctx).ifPresent(id -> {
            progress.visit(id, at);
            CourseProgress completion = progress.completion(id, course);
            model.put("progress", completion);
            ReaderParts.shapedBy(model, completion.isCompleted(at.chapter().id()) ? "completed" : "open");
            ReaderParts.outline(
                    model, completion.completedChapters(), completion.completed() + " of " + completion.total());
        });
    }

    public void markRead(Context ctx) {
        long userId = currentUser.userId(ctx).orElseThrow();
        ChapterAt chapter = ChapterAt.of(catalog, ctx);
        progress.markRead(userId, chapter.at());
        ctx.redirect(chapter.path() + "#chapter-done");
    }

    public void dashboard(Context ctx) {
        long userId = currentUser.userId(ctx).orElseThrow();
        renderer.html(ctx, "progress/dashboard", Map.of("scores", progress.dashboard(userId)));
    }
}
