package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A bomb in one run does not make an ordinary run going at the same time fail. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationTest {
    /** Starts twenty processes one after another, so it needs fork and memory all through the other's bomb. */
    private static final String ORDINARY = HostileSuite.py(
            "import time",
            "from multiprocessing import Process",
            "def work(i):",
            "    data = bytearray(8 << 20)",
            "if __name__ == '__main__':",
            "    print('ready', flush=True)",
            "    for i in range(20):",
            "        p = Process(target=work, args=(i,))",
            "        p.start()",
            "        p.join()",
            "        assert p.exitcode == 0, p.exitcode",
            "        time.sleep(0.05)",
            "    print('twenty processes ran')");

    private RunnerServer server;

    @BeforeAll
    void start() {
        // the ordinary run's twenty processes take close to a second of CPU when the machine is busy (1,014 ms was
        // seen in a full test run): its limit is not what these tests are about
        server = RunnerServer.start(
                TestRunners.config("LECTERN_RUNNER_WALL_TIME", "20s", "LECTERN_RUNNER_CPU_TIME", "10s"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aForkBombNextDoorDoesNotStopAnotherRunsForks() {
        assertOrdinaryRunSurvives(HostileSuite.py("import os", "while True:", "    os.fork()"), "process_limit");
    }

    @Test
    void aMemoryBombNextDoorDoesNotStarveAnotherRun() {
        assertOrdinaryRunSurvives(
                HostileSuite.py("chunks = []", "while True:", "    chunks.append(b'x' * (1 << 20))"), "memory_limit");
    }

    private void assertOrdinaryRunSurvives(String bomb, String bombStatus) {
        try (RunClient ordinary = server.connect();
                RunClient hostile = server.connect()) {
            ordinary.run(ORDINARY);
            List<RunClient.Frame> seen = new ArrayList<>();
            seen.add(ordinary.awaitType("output", seen));
            Transcript bombed = hostile.runToExit(bomb);
            assertThat(bombed.status()).as(bombed.toString()).isEqualTo(bombStatus);
            Transcript t = ordinary.awaitExit(seen);
            assertThat(t.status()).as(t.toString()).isEqualTo("ok");
            assertThat(t.stdout()).isEqualTo("ready\ntwenty processes ran\n");
            // the ordinary run was still going when the bomb went off
            assertThat(t.exit().path("wallMs").asLong())
                    .isGreaterThan(bombed.exit().path("wallMs").asLong());
        }
    }
}
