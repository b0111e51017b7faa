package org.lectern.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** What a load run prints: the figures, what the faults did and left, the database check, the targets met or missed. */
final class LoadReport {
    private final LoadSession session;
    private final List<LoadBench.Fault> faults;
    private final Figures f;
    private final Ledger ledger;

    LoadReport(LoadSession session, List<LoadBench.Fault> faults) {
        this.session = session;
        this.faults = faults;
        this.f = session.run().figures();
        this.ledger = session.run().ledger();
    }

    /** Prints everything; returns 0 when every target held, else 1. */
    int print(int learners, RunMix runs, double seconds, String loadBefore, String loadAfter) {
        System.out.printf(
                "%n%d learners for %.0f s, runs %s; load average before %s, after %s; JVM %s%n",
                learners, seconds, runs.name().toLowerCase(Locale.ROOT), loadBefore, loadAfter, session.jvm());
        if (session.runnerNodes() > 0) {
            System.out.printf(
                    "cluster:          a web server that runs no code and %d runner nodes over a private"
                            + " nats-server, up %.1f s after they were launched side by side%n",
                    session.runnerNodes(), session.startup().toMillis() / 1000.0);
        }
        System.out.println("\nmost runner WebSockets open at once: " + f.mostOpenSockets());
        System.out.print(f.table(seconds));
        System.out.println("\nruns by status:   " + f.runs());
        if (session.runnerNodes() > 0) {
            System.out.println("runs per node:    " + session.runsPerNode()
                    + " (executed, from each node's /metrics; a run lost with its node is not among them)");
        }
        System.out.println("answers:          " + f.outcomes());
        System.out.println("checks:           " + f.checks());
        System.out.println("errors by kind:   " + (f.errors().isEmpty() ? "none" : f.errors()));
        System.out.println("peak RSS:         "
                + session.peaks().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining("; ")));
        System.out.println("collections:      web, under load: " + session.collectionsUnderLoad());
        session.report().forEach(line -> System.out.println("crash:            " + line));
        if (session.runnerNodes() > 0) {
            System.out.println("runner nodes:     "
                    + (session.nodesNotIdle().isEmpty()
                            ? "idle once the learners had stopped"
                            : "still busy: " + session.nodesNotIdle()));
        }
        System.out.printf(
                "database:         %d acknowledged answers, %d acknowledged feedback, %d acknowledged checks: %s%n",
                ledger.acknowledgedAnswers(),
                ledger.acknowledgedFeedback(),
                ledger.acknowledgedChecks(),
                session.ledgerProblems().isEmpty() ? "each stored exactly once" : session.ledgerProblems());
        Path timeline = Path.of("target", "load-requests.csv");
        try {
            f.writeTimeline(timeline);
            System.out.println("every request:    " + timeline + " (kind, answered at s, ms)");
        } catch (IOException e) {
            System.out.println("every request:    not written to " + timeline + ": " + e);
        }
        List<String> missed = missed();
        System.out.println("targets:          " + (missed.isEmpty() ? "all met" : "missed: " + missed));
        return missed.isEmpty() ? 0 : 1;
    }

    List<String> missed() {
        boolean faulted = !faults.isEmpty();
        // a run or check may end with its connection when the web server is killed, and only then
        boolean webKilled = faults.contains(LoadBench.Fault.WEB);
        List<String> missed = new ArrayList<>();
        if (!webKilled && f.errors("5xx") > 0) {
            missed.add("5xx answers");
        }
        if (!session.ledgerProblems().isEmpty()) {
            missed.add("lost or duplicated data");
        }
        if (unanswered(f.runs(), webKilled)) {
            missed.add("every run answered");
        }
        if (unanswered(f.checks(), webKilled)) {
            missed.add("every check answered");
        }
        if (!faulted && f.percentileMillis("chapter", 0.99) >= 100) {
            missed.add("chapter p99 under 100 ms");
        }
        if (!faulted && session.peak(LoadSession.WEB).rssKib() >= 300 * 1024) {
            missed.add("RSS under 300 MB");
        }
        if (session.crash() != null && !session.crash().leftovers().isEmpty()) {
            missed.add("nothing left of the killed server");
        }
        RunnerNodes.NodeCrash node = session.nodeCrash();
        if (node != null && !node.leftovers().isEmpty()) {
            missed.add("nothing left of the killed runner node");
        }
        if (node != null && !node.markedRun().equals("runner_lost")) {
            missed.add("a run on the killed runner node ends as runner_lost");
        }
        if (node != null && !node.runWhileAway().equals("ok")) {
            missed.add("the other runner nodes take the runs while one is away");
        }
        if (!session.nodesNotIdle().isEmpty()) {
            missed.add("runner nodes idle after the load");
        }
        return missed;
    }

    private static boolean unanswered(Map<String, Long> outcomes, boolean webKilled) {
        return outcomes.containsKey("no answer") || (!webKilled && outcomes.containsKey("connection closed"));
    }
}
