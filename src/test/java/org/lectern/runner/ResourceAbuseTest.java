package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Code that tries to use up the machine ends with the status naming the limit it hit, and the server carries on. */
class ResourceAbuseTest extends HostileSuite {

    @Test
    void forkBombHitsTheProcessLimit() {
        Transcript t = run(py("import os", "while True:", "    os.fork()"));
        assertThat(t.status()).as(t.toString()).isEqualTo("process_limit");
        assertThat(t.exit().path("processes").asInt()).isBetween(2, 64);
    }

    @Test
    void threadBombHitsTheProcessLimit() {
        Transcript t = run(py(
                "import threading, time",
                "while True:",
                "    threading.Thread(target=time.sleep, args=(100,)).start()"));
        assertThat(t.status()).as(t.toString()).isEqualTo("process_limit");
    }

    @Test
    void busyLoopHitsTheCpuLimit() {
        Transcript t = run(py("while True:", "    pass"));
        assertThat(t.status()).as(t.toString()).isEqualTo("cpu_limit");
        assertThat(t.exit().path("cpuMs").asLong()).isBetween(1000L, 1600L);
    }

    @Test
    void busyLoopInEveryPoolWorkerHitsTheCpuLimitOfTheWholeTree() {
        Transcript t = run(py(
                "from multiprocessing import Pool",
                "def spin(_):",
                "    while True:",
                "        pass",
                "if __name__ == '__main__':",
                "    with Pool(4) as pool:",
                "        pool.map(spin, range(4))"));
        // no single worker comes near the limit (nor its own RLIMIT_CPU backstop): only the tree's total does
        assertThat(t.status()).as(t.toString()).isEqualTo("cpu_limit");
        assertThat(t.exit().path("processes").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(t.exit().path("cpuMs").asLong()).isBetween(1000L, 1600L);
    }

    @Test
    void sleepingForeverTimesOutWithEveryThreadsStack() {
        Transcript t = run(py(
                "import threading, time",
                "def nap():",
                "    time.sleep(1000)",
                "threading.Thread(target=nap).start()",
                "print('sleeping', flush=True)",
                "time.sleep(1000)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("timeout");
        assertThat(t.stdout()).isEqualTo("sleeping\n");
        String dump = t.exit().path("stackDump").asText();
        assertThat(dump).contains("File \"/tmp/main.py\", line 6 in <module>", "line 3 in nap");
        assertThat(dump).doesNotContain("<string>");
    }

    @Test
    void outputFloodStopsAtTheOutputLimit() {
        Transcript t = run(py("while True:", "    print('flood')"));
        assertThat(t.status()).as(t.toString()).isEqualTo("output_limit");
        assertThat(t.stdout()).hasSize(1 << 20);
    }

    @Test
    void oneEnormousPrintIsCutAtTheOutputLimit() {
        Transcript t = run(py("print('x' * 20_000_000)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("output_limit");
        assertThat(t.stdout()).hasSize(1 << 20).matches("x+");
    }

    @Test
    void hugeFileMeetsTheFileSizeLimit() {
        Transcript t = run(py(
                "chunk = b'x' * (1 << 20)",
                "with open('/tmp/big', 'wb') as f:",
                "    while True:",
                "        f.write(chunk)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr()).contains("File too large");
    }

    @Test
    void manyFilesInTmpStayInTheSandbox() {
        Transcript t = run(py(
                "import os",
                "for i in range(5000):",
                "    open(f'/tmp/lectern-many-{i}', 'w').close()",
                "print(len(os.listdir('/tmp')))"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("5001\n");
        assertThat(java.nio.file.Path.of("/tmp/lectern-many-0")).doesNotExist();
    }

    @Test
    void fillingDevShmMeetsItsSize() {
        Transcript t = run(py(
                "import itertools",
                "for i in itertools.count():",
                "    with open(f'/dev/shm/fill-{i}', 'wb') as f:",
                "        f.write(b'x' * (8 << 20))"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr()).contains("No space left on device");
    }

    @Test
    void openingFilesForeverMeetsTheOpenFilesLimit() {
        Transcript t = run(py("files = []", "while True:", "    files.append(open('/dev/null'))"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr()).contains("Too many open files");
    }
}
