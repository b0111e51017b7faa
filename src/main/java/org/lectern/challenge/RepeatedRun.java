package org.lectern.challenge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lectern.runner.ProgramRuns;
import org.lectern.runner.RunCaller;
import org.lectern.runner.RunEvent;
import org.lectern.runner.RunResult;
import org.lectern.runner.RunStatus;

/**
 * "Run ×N": the same program run N times, one run after the other, each an ordinary run with its own sandbox and
 * quota, counting how often each distinct output (stdout, and the status when it is not ok) came out. Unsynchronised
 * threads show up as several outputs.
 */
final class RepeatedRun {
    static final int MAX_TIMES = 100;

    private final ProgramRuns programs;
    private final RunCaller caller;
    private final String code;
    private final ProgramRuns.Origin origin;
    private final int times;
    private final Consumer<Tally> progress;
    private final Map<Outcome, Integer> counts = new LinkedHashMap<>();
    private final RunsInARow runs;
    private volatile StringBuilder stdout = new StringBuilder();
    private int counted;

    /** One distinct result: what the program printed and how it ended. */
    record Outcome(String stdout, String status) {}

    /** The counts so far, most frequent first, after {@code done} of {@code of} runs. */
    record Tally(int done, int of, List<Count> outputs, boolean finished) {}

    record Count(String stdout, String status, int count) {}

    RepeatedRun(
            ProgramRuns programs,
            RunCaller caller,
            String code,
            ProgramRuns.Origin origin,
            int times,
            Consumer<Tally> progress) {
        this.programs = programs;
        this.caller = caller;
        this.code = code;
        this.origin = origin;
        this.times = times;
        this.progress = progress;
        this.runs = new RunsInARow(times, new RunsInARow.Step() {
            @Override
            public ProgramRuns.Handle start(int run) throws ProgramRuns.Refused {
                return startRun();
            }

            @Override
            public void ended(int run, RunResult result) {
                count(result);
            }
        });
    }

    /** Starts the first run; the tally comes when the last has ended. */
    CompletableFuture<Tally> start() throws ProgramRuns.Refused {
        return runs.start().thenApply(nothing -> tally(true));
    }

    void stop() {
        runs.stop();
    }

    private ProgramRuns.Handle startRun() throws ProgramRuns.Refused {
        StringBuilder out = new StringBuilder();
        stdout = out;
        return programs.start(caller, code, "", origin, false, event -> {
            if (event instanceof RunEvent.Output o && o.stream() == RunEvent.Stream.STDOUT) {
                synchronized (out) {
                    out.append(o.data());
                }
            }
        });
    }

    private void count(RunResult result) {
        if (result.status() == RunStatus.STOPPED) {
            return;
        }
        String text;
        StringBuilder out = stdout;
        synchronized (out) {
            text = out.toString();
        }
        Tally tally;
        synchronized (this) {
            counts.merge(new Outcome(text, result.status().wireName()), 1, Integer::sum);
            counted++;
            tally = tally(false);
        }
        if (counted < times) {
            progress.accept(tally);
        }
    }

    private synchronized Tally tally(boolean finished) {
        List<Count> outputs = new ArrayList<>();
        counts.forEach((o, n) -> outputs.add(new Count(o.stdout(), o.status(), n)));
        outputs.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return new Tally(counted, times, List.copyOf(outputs), finished);
    }
}
