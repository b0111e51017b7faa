package org.lectern.studio;

import io.javalin.http.Context;
import org.lectern.challenge.Demand;
import org.lectern.challenge.TestOutcome;
import org.lectern.challenge.Verification;

/** Says in the author's language why a challenge fails verification, naming the challenge and what failed. */
final class ChallengeReasons {
    private ChallengeReasons() {}

    /** @return null when the verification passed */
    static String of(StudioController studio, Context ctx, String challenge, Verification v) {
        if (v.refusal() != null) {
            return studio.text(ctx, "studio.challenge.notRun", challenge, v.refusal());
        }
        if (!v.solution().passed()) {
            return studio.text(ctx, "studio.challenge.solutionFails", challenge, what(studio, ctx, v.solution()));
        }
        if (v.starter().passed()) {
            return studio.text(ctx, "studio.challenge.starterPasses", challenge);
        }
        return null;
    }

    private static String what(StudioController studio, Context ctx, Verification.Run run) {
        TestOutcome test = run.firstFailure();
        if (test != null) {
            String message = test.note() != null
                    ? studio.text(ctx, "challenge.note." + test.note())
                    : test.message() == null ? "" : test.message();
            return studio.text(ctx, "studio.challenge.failedTest", test.name(), message);
        }
        Demand demand = run.firstUnmetDemand();
        if (demand != null) {
            return switch (demand.kind()) {
                case "wall" -> studio.text(ctx, "challenge.demand.wall.result", demand.actual(), demand.limit());
                case "processes" ->
                    studio.text(ctx, "challenge.demand.processes.result", demand.actual(), demand.limit());
                default -> studio.text(ctx, "challenge.demand.race.result", demand.actual(), demand.limit());
            };
        }
        return studio.text(ctx, "studio.challenge.status", studio.text(ctx, "runner.status." + run.status()));
    }
}
