package org.lectern.challenge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lectern.runner.ProgramRuns;
import org.lectern.runner.RunCaller;
import org.lectern.runner.RunEvent;
import org.lectern.runner.RunResult;
import org.lectern.runner.RunStatus;

/**
 * One press of Check: the harness handed to the runner as an ordinary program, with a fresh nonce, the learner's code
 * and the hidden tests as its input, once or {@code repeat} times in a row. Each run's output streams to the listener
 * with the result frames taken out; the frames become the verdict.
 */
final class Check {
    private final ProgramRuns programs;
    private final ObjectMapper json;
    private final SecureRandom random;
    private final String harness;
    private final RunCaller caller;
    private final StoredChallenge challenge;
    private final String code;
    private final ProgramRuns.Origin origin;
    private final Listener listener;
    private final List<RunReport> reports = new ArrayList<>();
    private final List<RunResult> results = new ArrayList<>();
    private final RunsInARow runs;
    private volatile ResultFrames frames;

    /** What a check tells the page: each run's events, output filtered, and when a repeated run begins. */
    interface Listener {
        void repetition(int run, int of);

        void event(RunEvent event);
    }

    Check(
            ProgramRuns programs,
            ObjectMapper json,
            SecureRandom random,
            String harness,
            RunCaller caller,
            StoredChallenge challenge,
            String code,
            ProgramRuns.Origin origin,
            Listener listener) {
        this.programs = programs;
        this.json = json;
        this.random = random;
        this.harness = harness;
        this.caller = caller;
        this.challenge = challenge;
        this.code = code;
        this.origin = origin;
        this.listener = listener;
        this.runs = new RunsInARow(challenge.repeatRuns(), new RunsInARow.Step() {
            @Override
            public ProgramRuns.Handle start(int run) throws ProgramRuns.Refused {
                return startRun(run);
            }

            @Override
            public void ended(int run, RunResult result) {
                Check.this.ended(run, result);
            }
        });
    }

    /** Starts the first run; a refusal of it (a quota, a full queue) comes back at once. */
    CompletableFuture<CheckResult> start() throws ProgramRuns.Refused {
        return runs.start().thenApply(nothing -> verdict());
    }

    void stop() {
        runs.stop();
    }

    private ProgramRuns.Handle startRun(int number) throws ProgramRuns.Refused {
        if (challenge.repeatRuns() > 1) {
            listener.repetition(number, challenge.repeatRuns());
        }
        ResultFrames frames = new ResultFrames(json, HexFormat.of().formatHex(bytes()));
        this.frames = frames;
        return programs.start(caller, harness, input(frames.nonce()), origin, true, event -> relay(frames, event));
    }

    private void ended(int number, RunResult result) {
        reports.add(RunReport.of(frames.records()));
        results.add(result);
    }

    private byte[] bytes() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return b;
    }

    private String input(String nonce) {
        try {
            return json.writeValueAsString(Map.of("nonce", nonce, "solution", code, "tests", challenge.testCode()))
                    + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("strings always serialise", e);
        }
    }

    private void relay(ResultFrames frames, RunEvent event) {
        if (event instanceof RunEvent.Output o && o.stream() == RunEvent.Stream.STDOUT) {
            String visible = frames.stdout(o.data());
            if (!visible.isEmpty()) {
                listener.event(new RunEvent.Output(o.stream(), visible, o.millis()));
            }
            return;
        }
        if (event instanceof RunEvent.Exit) {
            String rest = frames.finish();
            if (!rest.isEmpty()) {
                listener.event(new RunEvent.Output(RunEvent.Stream.STDOUT, rest, 0));
            }
        }
        listener.event(event);
    }

    boolean wasStopped() {
        return runs.stopped();
    }

    private CheckResult verdict() {
        int shown = 0;
        for (int i = 0; i < reports.size(); i++) {
            if (!passed(i)) {
                shown = i;
                break;
            }
            shown = i;
        }
        List<Demand> demands = new ArrayList<>();
        long slowest = results.stream().mapToLong(RunResult::wallMs).max().orElse(0);
        if (challenge.maxWallMs() != null) {
            demands.add(new Demand("wall", slowest <= challenge.maxWallMs(), challenge.maxWallMs(), slowest));
        }
        if (challenge.minProcesses() != null) {
            long fewest = results.stream().mapToLong(RunResult::processes).min().orElse(0);
            demands.add(new Demand("processes", fewest >= challenge.minProcesses(), challenge.minProcesses(), fewest));
        }
        if (results.size() > 1) {
            Set<String> answers = new HashSet<>();
            reports.forEach(r -> answers.add(r.answer()));
            demands.add(new Demand("race", answers.size() == 1, results.size(), answers.size()));
        }
        boolean passed = results.size() == challenge.repeatRuns()
                && java.util.stream.IntStream.range(0, results.size()).allMatch(this::passed)
                && demands.stream().allMatch(Demand::passed);
        RunResult run = results.get(shown);
        return new CheckResult(
                passed,
                run.status().wireName(),
                reports.get(shown).outcomes(),
                List.copyOf(demands),
                results.size(),
                slowest,
                results.stream().mapToLong(RunResult::cpuMs).max().orElse(0),
                results.stream().mapToLong(RunResult::peakMemoryKb).max().orElse(0),
                results.stream().mapToLong(RunResult::processes).max().orElse(0));
    }

    private boolean passed(int run) {
        return results.get(run).status() == RunStatus.OK && reports.get(run).allPassed();
    }
}
