package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a course on concurrency shows works under the default limits: pools, queues, pipes, managers, threads. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegitimateConcurrencyTest {
    private RunnerServer server;
    private RunClient client;

    @BeforeAll
    void start() {
        // the production limits, not the short ones of the hostile suite
        server = RunnerServer.start(TestRunners.config(
                "LECTERN_RUNNER_WALL_TIME", "10s",
                "LECTERN_RUNNER_CPU_TIME", "15s",
                "LECTERN_RUNNER_PROCESSES", "128"));
        client = server.connect();
    }

    @AfterAll
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void aPoolOfFourMapsAcrossProcesses() {
        Transcript t = ok(
                "from multiprocessing import Pool",
                "import os",
                "def square(x):",
                "    return x * x, os.getpid()",
                "if __name__ == '__main__':",
                "    with Pool(4) as pool:",
                "        results = pool.map(square, range(20), chunksize=1)",
                "    print([r for r, _ in results])");
        assertThat(t.stdout())
                .isEqualTo("[0, 1, 4, 9, 16, 25, 36, 49, 64, 81, 100, 121, 144, 169, 196, 225, 256, 289, "
                        + "324, 361]\n");
        assertThat(t.exit().path("processes").asInt()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void linesPrintedAtOnceByAThreadAndAForkedProcessEachArriveWhole() {
        Transcript t = ok(
                "import multiprocessing, threading",
                "def talk(who):",
                "    for i in range(300):",
                "        print(f'{who} says line {i}')",
                "if __name__ == '__main__':",
                "    multiprocessing.set_start_method('fork')",
                "    p = multiprocessing.Process(target=talk, args=('process',))",
                "    t = threading.Thread(target=talk, args=('thread',))",
                "    p.start()",
                "    t.start()",
                "    talk('main')",
                "    t.join()",
                "    p.join()");
        String[] lines = t.stdout().split("\n");
        assertThat(lines).hasSize(900).allMatch(line -> line.matches("(process|thread|main) says line \\d+"));
    }

    @Test
    void processesTalkThroughAQueueAndAPipe() {
        Transcript t = ok(
                "from multiprocessing import Process, Queue, Pipe",
                "def produce(q):",
                "    for i in range(3):",
                "        q.put(i)",
                "def echo(conn):",
                "    conn.send(conn.recv() * 2)",
                "if __name__ == '__main__':",
                "    q = Queue()",
                "    p = Process(target=produce, args=(q,))",
                "    p.start()",
                "    print([q.get() for _ in range(3)])",
                "    p.join()",
                "    here, there = Pipe()",
                "    e = Process(target=echo, args=(there,))",
                "    e.start()",
                "    here.send(21)",
                "    print(here.recv())",
                "    e.join()");
        assertThat(t.stdout()).isEqualTo("[0, 1, 2]\n42\n");
    }

    @Test
    void aManagerSharesADictionary() {
        Transcript t = ok(
                "from multiprocessing import Manager, Process",
                "def add(d, k):",
                "    d[k] = k * 10",
                "if __name__ == '__main__':",
                "    with Manager() as m:",
                "        d = m.dict()",
                "        ps = [Process(target=add, args=(d, k)) for k in range(3)]",
                "        for p in ps: p.start()",
                "        for p in ps: p.join()",
                "        print(sorted(d.items()))");
        assertThat(t.stdout()).isEqualTo("[(0, 0), (1, 10), (2, 20)]\n");
    }

    @Test
    void theSpawnAndForkserverStartMethodsFindMain() {
        Transcript t = ok(
                "import multiprocessing as mp",
                "def double(x):",
                "    return 2 * x",
                "if __name__ == '__main__':",
                "    for method in ('spawn', 'forkserver'):",
                "        with mp.get_context(method).Pool(2) as pool:",
                "            print(method, pool.map(double, [1, 2, 3]))");
        assertThat(t.stdout()).isEqualTo("spawn [2, 4, 6]\nforkserver [2, 4, 6]\n");
    }

    @Test
    void thirtyTwoThreadsRunAtOnce() {
        Transcript t = ok(
                "import threading",
                "barrier = threading.Barrier(32)",
                "def meet():",
                "    barrier.wait(timeout=5)",
                "threads = [threading.Thread(target=meet) for _ in range(32)]",
                "for th in threads: th.start()",
                "for th in threads: th.join()",
                "print('all 32 met')");
        assertThat(t.stdout()).isEqualTo("all 32 met\n");
        assertThat(t.exit().path("processes").asInt()).isGreaterThanOrEqualTo(33);
    }

    @Test
    void aPoolOfFourAndThirtyTwoThreadsFitTogether() {
        Transcript t = ok(
                "import threading",
                "from multiprocessing import Pool",
                "def cube(x):",
                "    return x ** 3",
                "if __name__ == '__main__':",
                "    barrier = threading.Barrier(33)",
                "    threads = [threading.Thread(target=barrier.wait, args=(5,)) for _ in range(32)]",
                "    for th in threads: th.start()",
                "    with Pool(4) as pool:",
                "        print(sum(pool.map(cube, range(100))))",
                "    barrier.wait(5)",
                "    for th in threads: th.join()");
        assertThat(t.stdout()).isEqualTo("24502500\n");
    }

    private Transcript ok(String... lines) {
        Transcript t = client.runToExit(HostileSuite.py(lines));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        return t;
    }
}
