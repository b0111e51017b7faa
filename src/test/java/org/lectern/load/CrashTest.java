package org.lectern.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

/**
 * kill -9 under load, with a few learners: the server in its own JVM is SIGKILLed while they answer, run code, leave
 * feedback and check challenges, then restarted on the same data folder; every answer, feedback and check they were
 * told was saved must be there exactly once (checks numbered 1, 2, 3, … per learner and challenge), and nothing of the
 * killed server's sandboxes may remain. In a cluster (a web server that runs no code and two runner nodes in JVMs of
 * their own, over a private nats-server) a runner node is killed instead. {@code bench/crash} is the full size.
 */
class CrashTest {
    private static final int LEARNERS = 6;
    private static final Duration LOAD = Duration.ofSeconds(16);
    private static final Duration CLUSTER_LOAD = Duration.ofSeconds(12);
    private Path work;

    @BeforeEach
    void folder() throws Exception {
        work = Files.createTempDirectory("lectern-crash-");
    }

    @AfterEach
    void removeFolder() {
        TestFiles.deleteTree(work);
    }

    @Test
    void killedInTheMiddleOfAClassTheEmbeddedDatabaseKeepsEveryAcknowledgedAnswer() throws Exception {
        crashUnderLoad(Map.of());
    }

    @Test
    void killedInTheMiddleOfAClassPostgresqlKeepsEveryAcknowledgedAnswer() throws Exception {
        try (TestDatabase.Handle postgres = TestDatabase.POSTGRES.create(work)) {
            crashUnderLoad(Map.of(
                    "DATABASE_URL", postgres.config().url(),
                    "DATABASE_USER", postgres.config().user()));
        }
    }

    /**
     * The node running a run of the test's own is killed while the learners carry on: that run must end as
     * runner_lost and every learner's run and check with an answer, the other node must take runs while it is away,
     * nothing of its sandboxes may remain once its successor has started, and every node must be idle after the load.
     * Skipped, with a message, where no nats-server is installed.
     */
    @Test
    void aRunnerNodeKilledInTheMiddleOfAClassLosesOnlyItsRunsAndLeavesNothingBehind() throws Exception {
        Map<String, String> env = fewLearners(Map.of());
        // the web server notices the dead node sooner, so the test waits less for it
        env.put("LECTERN_RUNNER_LOST_AFTER", "1500ms");
        var session = new LoadSession(work, LoadBench.SERVER_JVM, TestServer.FIXTURE_CONTENT, env, 2);
        session.measure(
                LEARNERS,
                CLUSTER_LOAD,
                Duration.ofSeconds(1),
                150,
                RunMix.REALISTIC,
                List.of(LoadBench.Fault.RUNNER_NODE));

        RunnerNodes.NodeCrash crash = session.nodeCrash();
        Figures figures = session.run().figures();
        assertThat(crash.sandboxes()).as("the killed node had warm sandboxes").isPositive();
        assertThat(crash.cgroupsBeforeRestart())
                .as("the killed node left cgroups for its successor to remove")
                .isPositive();
        assertThat(crash.leftovers()).as("left over once its successor was up").isEmpty();
        assertThat(crash.markedRun())
                .as("a run going on the node when it was killed")
                .isEqualTo("runner_lost");
        assertThat(crash.runWhileAway())
                .as("a run sent while the killed node was away, to the other")
                .isEqualTo("ok");
        assertThat(figures.runs())
                .as("runs by status: every one answered, none cut off")
                .containsKey("ok")
                .doesNotContainKeys("no answer", "connection closed");
        assertThat(figures.checks())
                .as("checks by outcome: every one answered, none cut off")
                .doesNotContainKeys("no answer", "connection closed");
        assertThat(figures.errors("5xx"))
                .as("5xx answers: %s", figures.errors())
                .isZero();
        assertThat(session.nodesNotIdle())
                .as("runner nodes busy after the load")
                .isEmpty();
        assertThat(session.runsPerNode()).as("runs per node").containsKeys("runner-1", "runner-2");
        assertThat(session.ledgerProblems())
                .as("answers, feedback and checks against the database")
                .isEmpty();
        assertThat(session.run().ledger().acknowledgedAnswers())
                .as("answers acknowledged")
                .isGreaterThan(LEARNERS);
    }

    private static Map<String, String> fewLearners(Map<String, String> database) {
        Map<String, String> env = new HashMap<>(database);
        // cheap hashes: the learners sign up and log in within the test's few seconds
        env.put("LECTERN_ARGON2_MEMORY_KIB", "1024");
        env.put("LECTERN_ARGON2_ITERATIONS", "1");
        env.put("LECTERN_RUNNER_CONCURRENCY", "2");
        String firstUid = System.getenv("LECTERN_SANDBOX_FIRST_UID");
        if (firstUid != null) {
            env.put("LECTERN_SANDBOX_FIRST_UID", firstUid);
        }
        return env;
    }

    private void crashUnderLoad(Map<String, String> database) throws Exception {
        Map<String, String> env = fewLearners(database);
        var session = new LoadSession(work, LoadBench.SERVER_JVM, TestServer.FIXTURE_CONTENT, env, 0);
        session.measure(LEARNERS, LOAD, Duration.ofSeconds(1), 150, RunMix.REALISTIC, List.of(LoadBench.Fault.WEB));

        LoadSession.Crash crash = session.crash();
        assertThat(crash.sandboxes()).as("the killed server had warm sandboxes").isPositive();
        assertThat(crash.cgroupsBeforeRestart())
                .as("the killed server left cgroups for the restart to remove")
                .isPositive();
        assertThat(crash.leftovers()).as("left over once the server was back").isEmpty();
        assertThat(session.ledgerProblems())
                .as("answers and feedback against the database")
                .isEmpty();
        assertThat(session.run().ledger().acknowledgedAnswers())
                .as("answers acknowledged")
                .isGreaterThan(LEARNERS);
        assertThat(session.run().figures().runs()).as("runs").containsKey("ok");
        assertThat(session.run().ledger().acknowledgedChecks())
                .as("checks acknowledged as stored: %s", session.run().figures().checks())
                .isPositive();
        List<String> log = Files.readAllLines(work.resolve("server.log"));
        assertThat(log)
                .as("a second server started on the same data")
                .filteredOn(line -> line.contains("is running at"))
                .hasSize(2);
    }
}
