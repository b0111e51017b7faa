package org.lectern.challenge;

import java.util.List;

/**
 * What an author's Verify found: the reference solution must pass the challenge's check and the starter must fail it,
 * each checked as a learner's code is. {@code refusal} is the runner's reason when it would not run them (a quota, a
 * full queue); then neither was checked.
 */
public record Verification(Run solution, Run starter, String refusal) {

    /** One check of one of the challenge's programs: its verdict, the tests and demands it shows, and its output. */
    public record Run(boolean passed, String status, List<TestOutcome> tests, List<Demand> demands, String output) {
        static Run of(CheckResult result, String output) {
            return new Run(result.passed(), result.status(), result.tests(), result.demands(), output);
        }

        /** The first test that failed, if any. */
        public TestOutcome firstFailure() {
            return tests.stream().filter(t -> !t.passed()).findFirst().orElse(null);
        }

        /** The first demand not met, if any. */
        public Demand firstUnmetDemand() {
            return demands.stream().filter(d -> !d.passed()).findFirst().orElse(null);
        }

        public long testsPassed() {
            return tests.stream().filter(TestOutcome::passed).count();
        }
    }

    static Verification refused(String reason) {
        return new Verification(null, null, reason);
    }

    /** The solution passes and the starter does not: the challenge can be published. */
    public boolean passed() {
        return refusal == null && solution.passed() && !starter.passed();
    }
}
