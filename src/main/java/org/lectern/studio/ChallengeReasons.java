package org.lectern.studio;

import io.javalin.http.Context;
import org.lectern.challenge.Demand;
import org.lectern.challenge.TestOutcome;
import org.lectern.challenge.Verification;

/** Says in the author's language why a challenge fails verification, naming the challenge and what failed. */
final class ChallengeReasons {
    private ChallengeReasons() {}

    /** The interface's messages in one language. */
    interface Texts {
        String get(String key, Object... arguments);
    }

    /** @return null when the verification passed */
    static String of(StudioController studio, Context ctx, String challenge, Verification v) {
        return of((key, arguments) -> studio.text(ctx, key, arguments), challenge, v);
    }

    /** @return null when the verification passed */
    static String of(Texts texts, String challenge, Verification v) {
        if (v.refusal() != null) {
            return texts.get("studio.challenge.notRun", challenge, v.refusal());
        }
        if (!v.solution().passed()) {
            return texts.get("studio.challenge.solutionFails", challenge, what(texts, v.solution()));
        }
        if (v.starter().passed()) {
            return texts.get("studio.challenge.starterPasses", challenge);
        }
        return null;
    }

    private static String what(Texts texts, Verification.Run run) {
        TestOutcome test = run.firstFailure();
        if (test != null) {
            String message = test.note() != null
                    ? texts.get("challenge.note." + test.note())
                    : test.message() == null ? "" : test.message();
            return texts.get("studio.challenge.failedTest", test.name(), message);
        }
        Demand demand = run.firstUnmetDemand();
        if (demand != null) {
            return switch (demand.kind()) {
                case "wall" -> texts.get("challenge.demand.wall.result", demand.actual(), demand.limit());
                case "processes" -> texts.get("challenge.demand.processes.result", demand.actual(), demand.limit());
                default -> texts.get("challenge.demand.race.result", demand.actual(), demand.limit());
            };
        }
        return texts.get("studio.challenge.status", texts.get("runner.status." + run.status()));
    }
}
