package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Code that fills the memory ends with the memory limit's status. Filling 256 MB is not free: where a virtual
 * machine's memory is backed on first touch (as on our machines) the kernel spends 0.3 to 1 s of the program's CPU
 * time on it, as much as the short CPU limit of the other hostile suites, so here the CPU limit is far above it and
 * only the memory limit can end these runs, as it does with the defaults (15 s of CPU).
 */
class MemoryLimitTest extends HostileSuite {

    @Override
    RunnerConfig config() {
        return TestRunners.config("LECTERN_RUNNER_CPU_TIME", "4s", "LECTERN_RUNNER_WALL_TIME", "8s");
    }

    @Test
    void memoryBombHitsTheMemoryLimit() {
        Transcript t = run(py("x = b'x' * (1 << 30)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("memory_limit");
        assertThat(t.exit().path("exitCode").isNull()).isTrue();
        assertThat(t.exit().path("peakMemoryKb").asLong()).isLessThanOrEqualTo(256 * 1024);
    }

    @Test
    void slowLeakHitsTheMemoryLimit() {
        Transcript t = run(py(
                "import time",
                "chunks = []",
                "while True:",
                "    chunks.append(b'x' * (1 << 20))",
                "    time.sleep(0.002)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("memory_limit");
    }

    @Test
    void poolWorkerKilledByTheMemoryLimitEndsTheRun() {
        Transcript t = run(py(
                "from multiprocessing import Pool",
                "def hog(_):",
                "    return len(b'x' * (1 << 30))",
                "if __name__ == '__main__':",
                "    with Pool(2) as pool:",
                "        print(pool.map(hog, range(2)))"));
        assertThat(t.status()).as(t.toString()).isEqualTo("memory_limit");
    }
}
