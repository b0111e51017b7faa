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
    private final CompletableFuture<Tally> done = new CompletableFuture<>();
    private volatile ProgramRuns.Handle current;
    private volatile boolean stopped;
    private int finished;

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
    }

    CompletableFuture<Tally> start() throws ProgramRuns.Refused {
        next();
        return done;
    }

    void stop() {
        stopped = true;
        ProgramRuns.Handle run = current;
        if (run != null) {
            run.stop();
        }
    }

    private void next() throws ProgramRuns.Refused {
        StringBuilder stdout = new StringBuilder();
        current = programs.start(caller, code, "", origin, event -> {
            if (event instanceof RunEvent.Output o && o.stream() == RunEvent.Stream.STDOUT) {
                synchronized (stdout) {
                    stdout.append(o.data());
                }
            }
        });
        current.done().whenComplete((result, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
                return;
            }
            String text;
            synchronized (stdout) {
                text = stdout.toString();
            }
            Tally tally;
            synchronized (this) {
                if (result.status() != RunStatus.STOPPED) {
                    counts.merge(new Outcome(text, result.status().wireName()), 1, Integer::sum);
                    finished++;
                }
                boolean last = finished >= times || stopped || result.status() == RunStatus.STOPPED;
                tally = tally(last);
            }
            if (tally.finished()) {
                done.complete(tally);
                return;
            }
            progress.accept(tally);
            try {
                next();
            } catch (ProgramRuns.Refused refused) {
                done.completeExceptionally(refused);
            }
        });
    }

    private Tally tally(boolean last) {
        List<Count> outputs = new ArrayList<>();
        counts.forEach((o, n) -> outputs.add(new Count(o.stdout(), o.status(), n)));
        outputs.sort((a, b) -> Integer.compare(b.count(), a.count()));
        return new Tally(finished, times, List.copyOf(outputs), last);
    }
}
