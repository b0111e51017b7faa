package org.lectern.challenge;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.router.JavalinDefaultRoutingApi;
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
import org.lectern.runner.RunCaller;
import org.lectern.web.Access;
import org.lectern.web.Locales;
import org.lectern.web.Messages;

/** A chapter's challenges on its page, the Check socket, and asking for a challenge's solution. */
public final class ChallengeController implements PageAdditions {
    private final Challenges challenges;
    private final Catalog catalog;
    private final CurrentUser currentUser;
    private final Messages messages;
    private final CheckSocket socket;
    private final ChallengeSections sections;

    public ChallengeController(
            Challenges challenges,
            Catalog catalog,
            CurrentUser currentUser,
            Messages messages,
            Function<Context, RunCaller> callers,
            ChallengeSections sections) {
        this.challenges = challenges;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.messages = messages;
        this.sections = sections;
        this.socket = new CheckSocket(challenges, catalog, messages, callers, currentUser::userId);
    }

    @Override
    public void course(Context ctx, CourseOutline course, Map<String, Object> model) {
        Map<Long, Integer> counts = challenges.countsByChapter(course);
        model.put("challengeCounts", counts);
        model.put(
                "challengeTotal",
                counts.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        Optional<Long> user = currentUser.userId(ctx);
        List<ChallengeView> views = challenges.forChapter(new ChapterAt(course, at), user.orElse(null));
        model.put("challenges", views);
        model.put("failedChecksBeforeSolution", Challenges.FAILED_CHECKS_BEFORE_SOLUTION);
        ReaderParts.own(model, "challenges", sections.html(ctx, at.chapter().id(), user.isPresent(), views, model));
    }

    public void addRoutes(JavalinDefaultRoutingApi routes) {
        routes.wsBeforeUpgrade("/ws/check", socket::beforeUpgrade);
        routes.ws("/ws/check", socket::configure);
        routes.post(
                "/courses/{course}/{section}/{chapter}/challenges/{challenge}/solution",
                this::showSolution,
                Access.SIGNED_IN);
    }

    /** "Show the solution" after its confirmation: remembered, then back to the challenge, which now shows it. */
    void showSolution(Context ctx) {
        long userId = currentUser.userId(ctx).orElseThrow();
        ChapterAt chapter = ChapterAt.of(catalog, ctx);
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("challenge"));
        } catch (NumberFormatException e) {
            id = -1;
        }
        try {
            challenges.showSolution(userId, chapter, id);
        } catch (CheckRefused refused) {
            throw new HttpResponseException(
                    refused.status(), messages.get(Locales.of(ctx), refused.messageKey(), refused.args()));
        }
        ctx.redirect(chapter.path() + "#challenge-" + id);
    }
}
