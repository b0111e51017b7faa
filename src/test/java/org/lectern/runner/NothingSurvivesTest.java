package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** When a run ends nothing of it is left: no process, no cgroup, no file; and closing the runner leaves nothing. */
class NothingSurvivesTest {

    @Test
    void afterADaemonsRunNoProcessCgroupOrFileRemains() {
        // no warm pool: then every sandbox cgroup that exists belongs to a run
        RunnerConfig config = TestRunners.config("LECTERN_RUNNER_WARM_POOL", "0");
        String marker = "986." + Math.abs(ThreadLocalRandom.current().nextInt());
        try (RunnerServer server = RunnerServer.start(config);
                RunClient client = server.connect()) {
            Transcript t = client.runToExit(HostileSuite.py(
                    "import os",
                    "if os.fork() == 0:",
                    "    os.setsid()",
                    "    if os.fork() == 0:",
                    "        open('/tmp/lectern-left-" + marker + "', 'w').write('still here')",
                    "        os.execv('/usr/bin/sleep', ['sleep', '" + marker + "'])",
                    "    os._exit(0)",
                    "print('left a daemon behind')"));
            assertThat(t.status()).as(t.toString()).isEqualTo("ok");
            assertThat(server.module.engine().cgroups().groups()).isEmpty();
            assertThat(processesWith(marker)).isEmpty();
            assertThat(Path.of("/tmp/lectern-left-" + marker)).doesNotExist();
        }
    }

    @Test
    void closingTheRunnerKillsItsWarmSandboxesAndRemovesItsCgroups() {
        RunnerServer server = RunnerServer.start(TestRunners.config("LECTERN_RUNNER_WARM_POOL", "2"));
        List<Path> groups = server.module.engine().cgroups().groups();
        assertThat(groups).isNotEmpty();
        Path instance = groups.get(0).getParent();
        server.close();
        assertThat(instance).doesNotExist();
        assertThat(groups).noneMatch(Files::exists);
    }

    private static List<ProcessHandle> processesWith(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .arguments()
                        .map(a -> String.join(" ", a))
                        .orElse("")
                        .contains(marker))
                .toList();
    }
}
