package org.lectern.runner;

import java.util.HashMap;
import java.util.Map;
import org.lectern.config.Settings;

/** Runner settings for tests: the real sandbox, with short limits so hostile code ends quickly. */
public final class TestRunners {
    private TestRunners() {}

    static RunnerConfig config(String... overrides) {
        Map<String, String> env = new HashMap<>(Map.of(
                // the machine may be shared: a CPU limit well under the wall time is met even on a busy core
                "LECTERN_RUNNER_WALL_TIME", "5s",
                "LECTERN_RUNNER_CPU_TIME", "1s",
                // few enough that a fork bomb meets the task limit before its copies fill the memory
                "LECTERN_RUNNER_PROCESSES", "64",
                "LECTERN_RUNNER_CONCURRENCY", "2",
                "LECTERN_RUNNER_WARM_POOL", "2",
                "LECTERN_GUEST_CONCURRENT_RUNS", "8",
                "LECTERN_GUEST_RUNS_PER_MINUTE", "100000",
                // another server's tests may run on this machine at the same time
                "LECTERN_SANDBOX_CGROUP_NAME", "lectern-test"));
        env.putAll(sandboxUidsFromEnvironment());
        for (int i = 0; i < overrides.length; i += 2) {
            env.put(overrides[i], overrides[i + 1]);
        }
        return RunnerConfig.fromSettings(new Settings(env));
    }

    /**
     * {@code LECTERN_SANDBOX_FIRST_UID} from the test process's environment, if set: two checkouts testing on one
     * machine at once must not give their sandboxes the same uids, or one's fork bomb meets the other's RLIMIT_NPROC.
     */
    public static Map<String, String> sandboxUidsFromEnvironment() {
        String firstUid = System.getenv("LECTERN_SANDBOX_FIRST_UID");
        return firstUid == null ? Map.of() : Map.of("LECTERN_SANDBOX_FIRST_UID", firstUid);
    }
}
