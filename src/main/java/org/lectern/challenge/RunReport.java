package org.lectern.challenge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the harness reported of one run, from its frames: the tests it planned, each one's result, and whether it got
 * to the end. A test that was planned but never reported did not run (the program ended first, or hung).
 */
record RunReport(List<TestOutcome> outcomes, boolean complete) {

    static RunReport of(List<JsonNode> records) {
        Map<String, TestOutcome> byName = new LinkedHashMap<>();
        List<String> plan = null;
        boolean done = false;
        for (JsonNode r : records) {
            if (r.has("error") && plan == null) {
                return new RunReport(
                        List.of(new TestOutcome(
                                "import", "", false, r.path("error").asText(), 0, null)),
                        false);
            } else if (r.has("plan") && plan == null) {
                plan = new ArrayList<>();
                for (JsonNode name : r.path("plan")) {
                    plan.add(name.asText());
                }
            } else if (r.has("test")
                    && plan != null
                    && plan.contains(r.path("test").asText())) {
                String name = r.path("test").asText();
                byName.putIfAbsent(
                        name,
                        new TestOutcome(
                                name,
                                r.path("doc").asText(""),
                                r.path("passed").asBoolean(false),
                                r.path("message").asText(""),
                                r.path("ms").asLong(0),
                                null));
            } else if (r.has("done") && plan != null) {
                done = true;
            }
        }
        if (plan == null) {
            return new RunReport(List.of(new TestOutcome("tests", "", false, "", 0, "no_report")), false);
        }
        List<TestOutcome> outcomes = new ArrayList<>();
        for (String name : plan) {
            outcomes.add(byName.getOrDefault(name, new TestOutcome(name, "", false, "", 0, "not_run")));
        }
        return new RunReport(List.copyOf(outcomes), done && outcomes.size() == byName.size());
    }

    boolean allPassed() {
        return complete && !outcomes.isEmpty() && outcomes.stream().allMatch(TestOutcome::passed);
    }

    long passedCount() {
        return outcomes.stream().filter(TestOutcome::passed).count();
    }

    /** What the learner's code answered, for telling whether repeated runs agreed: each test's result and message. */
    String answer() {
        StringBuilder s = new StringBuilder();
        for (TestOutcome o : outcomes) {
            s.append(o.name())
                    .append('\u0000')
                    .append(o.passed())
                    .append('\u0000')
                    .append(o.message());
            s.append('\u0000').append(o.note()).append('\n');
        }
        return s.toString();
    }
}
