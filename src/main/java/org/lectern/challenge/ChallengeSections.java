package org.lectern.challenge;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lectern.web.PageCache;
import org.lectern.web.Places;
import org.lectern.web.Renderer;
import org.unbescape.html.HtmlEscape;

/**
 * A chapter's challenges section, kept per chapter, language, content version and whether the reader is signed in,
 * with places for what is each learner's own: their last code for the editor, where they stand and the solution as
 * they may see it. Rendered whole for every signed-in chapter view (twenty texts for check.js, each challenge's
 * statement and code), it was three fifths of the reader's own part of the page. The standing and the solution are
 * kept too, per the few forms they take, so a view renders nothing.
 */
public final class ChallengeSections {
    private static final String SECTION = "challenge/challenges :: challenges";
    private static final String STANDING = "challenge/challenges :: standing";
    private static final String SOLUTION = "challenge/challenges :: solution";
    private static final String LATEST = "latest-";
    private static final String STANDING_PLACE = "standing-";
    private static final String SOLUTION_PLACE = "solution-";

    private final Renderer renderer;
    private final PageCache pages;

    public ChallengeSections(Renderer renderer, PageCache pages) {
        this.renderer = renderer;
        this.pages = pages;
    }

    /**
     * One learner's parts of a challenge, as the template puts them in: {@code latest} as an attribute's value (empty
     * when the editor starts from the starter code), {@code standing} and {@code solution} as HTML.
     */
    public record ChallengeOwn(String latest, String standing, String solution) {}

    /** The section as this reader sees it, or nothing for a chapter without challenges. */
    String html(Context ctx, long chapterId, boolean signedIn, List<ChallengeView> views, Map<String, Object> page) {
        if (views.isEmpty()) {
            return "";
        }
        Places kept = pages.part(ctx, "challenges " + chapterId + (signedIn ? " member" : " guest"), () -> {
            Map<String, Object> model = new HashMap<>(page);
            Map<Long, ChallengeOwn> places = new HashMap<>();
            for (ChallengeView c : views) {
                places.put(
                        c.id(),
                        new ChallengeOwn(
                                Places.place(LATEST + c.id()),
                                Places.place(STANDING_PLACE + c.id()),
                                Places.place(SOLUTION_PLACE + c.id())));
            }
            model.put("challengeOwn", places);
            return Places.of(renderer.render(ctx, SECTION, model));
        });
        Map<String, String> own = new HashMap<>();
        for (ChallengeView c : views) {
            own.put(LATEST + c.id(), latest(c));
            own.put(STANDING_PLACE + c.id(), standing(ctx, c, page));
            own.put(SOLUTION_PLACE + c.id(), solution(ctx, signedIn, c, page));
        }
        return kept.fill(own::get);
    }

    /** Solved, or attempted so many times: the same words for every learner who stands there. */
    private String standing(Context ctx, ChallengeView c, Map<String, Object> page) {
        if (!c.passed() && !c.attempted()) {
            return "";
        }
        String standing = c.passed() ? "solved" : "attempted " + c.submissions();
        return pages.part(ctx, "challenge-standing " + standing, () -> render(ctx, STANDING, c, page));
    }

    /**
     * The reference solution once the learner may see it (the same for all of them), else for a signed-in learner the
     * form that asks for it, whose token is the learner's own, shown or hidden by whether they may ask yet.
     */
    private String solution(Context ctx, boolean signedIn, ChallengeView c, Map<String, Object> page) {
        if (c.solutionCode() != null) {
            return pages.part(ctx, "challenge-solution " + c.id(), () -> render(ctx, SOLUTION, c, page));
        }
        if (!signedIn) {
            return "";
        }
        return renderer.renderKeptPart(
                ctx, pages, "challenge-ask " + c.id() + " " + c.mayAskSolution(), SOLUTION, model(c, page));
    }

    /** The learner's last submission for the editor, escaped for an attribute; empty when it is the starter code. */
    private static String latest(ChallengeView c) {
        return c.editorCode() == null || Objects.equals(c.editorCode(), c.starterCode())
                ? ""
                : HtmlEscape.escapeHtml4Xml(c.editorCode());
    }

    private String render(Context ctx, String fragment, ChallengeView c, Map<String, Object> page) {
        return renderer.render(ctx, fragment, model(c, page));
    }

    private static Map<String, Object> model(ChallengeView c, Map<String, Object> page) {
        return Map.of("course", page.get("course"), "at", page.get("at"), "c", c);
    }
}
