package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One sandbox, driven directly, as a supervisor drives it. */
class SandboxProcessTest {
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private CgroupTree cgroups;
    private BwrapSandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        RunnerConfig config = TestRunners.config();
        cgroups = CgroupTree.open(Path.of("/sys/fs/cgroup"), config.sandbox().cgroupName());
        sandbox = new BwrapSandbox(
                config.sandbox(),
                config.limits(),
                cgroups,
                new UidPool(config.sandbox().firstUid(), 1),
                timer);
    }

    @AfterEach
    void stop() {
        cgroups.close();
        timer.shutdownNow();
    }

    @Test
    void outputLeftInThePipeSurvivesKillingTheTreeAfterTheProgramEnded() throws Exception {
        try (SandboxProcess s = sandbox.start()) {
            s.sendCode("print('hi')".getBytes(StandardCharsets.UTF_8));
            assertThat(s.waitFor()).isZero();
            // the supervisor kills whatever the program left behind before the pumps have read everything
            s.kill();
            assertThat(new String(s.stdout().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("hi\n");
        }
    }

    @Test
    void aSandboxStartsInItsOwnCgroupAndLeavesNothingWhenClosed() throws Exception {
        SandboxProcess s = sandbox.start();
        assertThat(s.cgroup().tasks()).as("outer bwrap, its init and Python").isEqualTo(3);
        assertThat(cgroups.groups()).hasSize(1);
        s.close();
        assertThat(cgroups.groups()).isEmpty();
        assertThat(s.isAlive()).isFalse();
    }
}
