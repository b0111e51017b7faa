package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * In the real sandbox, a check's run weighs for the CPU as an ordinary process and a learner's own run as a quarter of
 * one, read from this runner's cgroup folder while the program runs.
 */
class CpuWeightTest {
    private static final String PROGRAM = "import time\nprint('running', flush=True)\ntime.sleep(0.5)\n";

    @Test
    void aGradedRunWeighsAsAProcessAndALearnersRunAsAQuarter() throws Exception {
        // no warm pool: no sandbox starting up beside the run adds its weight
        try (RunnerServer server = RunnerServer.start(TestRunners.config("LECTERN_RUNNER_WARM_POOL", "0"))) {
            Path folder = server.module.engine().cgroups().instanceDir("cpu");
            assertThat(sharesWhileRunning(server, folder, true)).isEqualTo(1024);
            assertThat(sharesWhileRunning(server, folder, false)).isEqualTo(256);
            assertThat(shares(folder)).as("nothing runs").isEqualTo(CpuWeights.IDLE);
        }
    }

    /** The folder's weight read when the program's first line arrives, that is while it runs. */
    private static int sharesWhileRunning(RunnerServer server, Path folder, boolean graded) throws Exception {
        CompletableFuture<Integer> seen = new CompletableFuture<>();
        ProgramRuns.Handle handle = server.module
                .programs()
                .start(RunCaller.learner(1), PROGRAM, "", new ProgramRuns.Origin(null, null, null), graded, event -> {
                    if (event instanceof RunEvent.Output output && output.data().contains("running")) {
                        seen.complete(shares(folder));
                    }
                });
        int shares = seen.get(10, TimeUnit.SECONDS);
        assertThat(handle.done()).succeedsWithin(Duration.ofSeconds(10));
        return shares;
    }

    private static int shares(Path folder) {
        try {
            return Integer.parseInt(
                    Files.readString(folder.resolve("cpu.shares")).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
