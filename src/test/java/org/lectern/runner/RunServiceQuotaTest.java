package org.lectern.runner;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A caller's quota is given back before anyone hears that their run ended: the HTTP API answers from the run's
 * {@code done}, and a client that sends its next run as soon as it has the answer must not be told it already has
 * code running.
 */
class RunServiceQuotaTest {
    private final RunCaller caller = RunCaller.learner(7);
    private final List<Run> submitted = new ArrayList<>();
    private final RunRateLimiter quotas = new RunRateLimiter(new RunnerConfig.Quotas(1, 30, 60), System::nanoTime);
    private final RunService service = RunService.working(quotas, submitted::add, RunLimits.defaults(), 1024);

    @Test
    void whoeverHearsOfTheEndCanStartTheCallersNextRun() throws Exception {
        AtomicReference<String> fromDone = new AtomicReference<>();
        AtomicReference<String> fromExit = new AtomicReference<>();
        Run first = service.start(request(), event -> {
            if (event instanceof RunEvent.Exit) {
                fromExit.set(nextRun());
            }
        });
        first.done().thenAccept(result -> fromDone.set(nextRun()));
        assertThat(nextRun()).as("while the first run goes").isEqualTo("ALREADY_RUNNING");

        first.finish(RunResult.withoutSandbox(RunStatus.OK));

        assertThat(fromDone.get()).as("started from the run's done").isEqualTo("started");
        assertThat(fromExit.get()).as("started on the exit event").isEqualTo("started");
    }

    /** Starts the caller's next run, and ends it at once so the next try finds the way clear again. */
    private String nextRun() {
        try {
            Run run = service.start(request(), event -> {});
            run.finish(RunResult.withoutSandbox(RunStatus.OK));
            return "started";
        } catch (RunRejected e) {
            return e.reason().name();
        }
    }

    private RunRequest request() {
        return new RunRequest("print(1)".getBytes(UTF_8), new byte[0], true, RunRequest.Source.NONE, caller, false);
    }
}
