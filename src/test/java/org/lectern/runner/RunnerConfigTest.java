package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lectern.config.Config;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

class RunnerConfigTest {

    @Test
    void theDefaultsLeaveRoomForAPoolOfFourAndThirtyTwoThreads() {
        RunnerConfig config = RunnerConfig.fromSettings(new Settings(Map.of()));
        RunLimits limits = config.limits();
        assertThat(limits.wallTime()).isEqualTo(Duration.ofSeconds(10));
        assertThat(limits.cpuTime()).isEqualTo(Duration.ofSeconds(15));
        assertThat(limits.memoryBytes()).isEqualTo(256L << 20);
        assertThat(limits.processes()).isGreaterThanOrEqualTo(4 + 32 + 4);
        assertThat(limits.outputBytes()).isEqualTo(1L << 20);
        assertThat(config.sandbox().python()).isEqualTo(Path.of("/usr/bin/python3"));
        assertThat(config.sandbox().bwrap()).isEqualTo(Path.of("/usr/bin/bwrap"));
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(config.capacity().concurrency()).isEqualTo(cores);
        assertThat(config.capacity().warmPool()).isEqualTo(cores);
        assertThat(config.quotas().guestConcurrentRuns()).isEqualTo(1);
        assertThat(config.quotas().guestRunsPerMinute()).isEqualTo(30);
    }

    @Test
    void everyLimitCanBeSet() {
        RunnerConfig config = RunnerConfig.fromSettings(new Settings(Map.of(
                "LECTERN_RUNNER_WALL_TIME", "2500ms",
                "LECTERN_RUNNER_CPU_TIME", "2m",
                "LECTERN_RUNNER_MEMORY", "512M",
                "LECTERN_RUNNER_PROCESSES", "200",
                "LECTERN_RUNNER_OUTPUT", "64K",
                "LECTERN_RUNNER_FILE_SIZE", "1G",
                "LECTERN_RUNNER_OPEN_FILES", "64",
                "LECTERN_RUNNER_TMP_SIZE", "32M",
                "LECTERN_RUNNER_SHM_SIZE", "8M",
                "LECTERN_GUEST_CONCURRENT_RUNS", "2")));
        assertThat(config.limits())
                .isEqualTo(new RunLimits(
                        Duration.ofMillis(2500),
                        Duration.ofMinutes(2),
                        512L << 20,
                        200,
                        64L << 10,
                        1L << 30,
                        64,
                        32L << 20,
                        8L << 20));
        assertThat(config.quotas().guestConcurrentRuns()).isEqualTo(2);
    }

    @Test
    void durationsTakeSecondsMillisecondsMinutesOrABareNumberOfSeconds() {
        assertThat(RunLimits.parseDuration("X", "10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(RunLimits.parseDuration("X", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(RunLimits.parseDuration("X", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RunLimits.parseDuration("X", " 7 ")).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void anUnusableValueIsRefusedNamingItsVariable() {
        assertThatThrownBy(() -> config("LECTERN_RUNNER_WALL_TIME", "soon"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_RUNNER_WALL_TIME")
                .hasMessageContaining("soon");
        assertThatThrownBy(() -> config("LECTERN_RUNNER_CPU_TIME", "0s"))
                .hasMessageContaining("LECTERN_RUNNER_CPU_TIME must be above zero");
        assertThatThrownBy(() -> config("LECTERN_RUNNER_MEMORY", "-1")).hasMessageContaining("LECTERN_RUNNER_MEMORY");
        assertThatThrownBy(() -> config("LECTERN_RUNNER_CONCURRENCY", "0"))
                .hasMessageContaining("LECTERN_RUNNER_CONCURRENCY must be at least 1");
        assertThatThrownBy(() -> config("LECTERN_RUNNER_MAX_CODE", "4G"))
                .hasMessageContaining("LECTERN_RUNNER_MAX_CODE is too large");
    }

    @Test
    void theRunnerIsTheFourthPartOfConfigAndSurvivesAChangeOfPort() {
        Config config = Config.fromMap(Map.of("LECTERN_RUNNER_WARM_POOL", "5"));
        assertThat(config.runner().capacity().warmPool()).isEqualTo(5);
        assertThat(config.withPort(0).runner()).isEqualTo(config.runner());
    }

    private static RunnerConfig config(String name, String value) {
        return RunnerConfig.fromSettings(new Settings(Map.of(name, value)));
    }

    @Test
    void theUnsandboxedModeIsOffByDefaultAndOnOnlyForLoopback() {
        assertThat(RunnerConfig.fromSettings(new Settings(Map.of())).sandbox().unsandboxed())
                .isFalse();
        assertThat(RunnerConfig.fromSettings(
                                new Settings(Map.of("LECTERN_SANDBOX", "none", "LECTERN_HOST", "127.0.0.1")))
                        .sandbox()
                        .unsandboxed())
                .isTrue();
        assertThat(RunnerConfig.fromSettings(new Settings(Map.of("LECTERN_SANDBOX", "none", "LECTERN_HOST", "::1")))
                        .sandbox()
                        .unsandboxed())
                .isTrue();
    }

    @Test
    void theUnsandboxedModeRefusesToStartWhereOthersCanReachTheServerUnlessThatIsMeant() {
        assertThatThrownBy(() -> RunnerConfig.fromSettings(new Settings(Map.of("LECTERN_SANDBOX", "none"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_HOST=0.0.0.0")
                .hasMessageContaining("LECTERN_SANDBOX_NONE_EXPOSED=true");
        assertThatThrownBy(() -> RunnerConfig.fromSettings(new Settings(
                        Map.of("LECTERN_SANDBOX", "none", "LECTERN_HOST", "127.0.0.1", "LECTERN_TRUST_PROXY", "true"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("proxy");
        assertThat(RunnerConfig.fromSettings(
                                new Settings(Map.of("LECTERN_SANDBOX", "none", "LECTERN_SANDBOX_NONE_EXPOSED", "true")))
                        .sandbox()
                        .unsandboxed())
                .isTrue();
        assertThatThrownBy(() -> RunnerConfig.fromSettings(new Settings(Map.of("LECTERN_SANDBOX", "off"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("bwrap or none");
    }
}
