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
 * killed server's sandboxes may remain. {@code bench/crash} is the full size.
 */
class CrashTest {
    private static final int LEARNERS = 6;
    private static final Duration LOAD = Duration.ofSeconds(16);
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

    private void crashUnderLoad(Map<String, String> database) throws Exception {
        Map<String, String> env = new HashMap<>(database);
        // cheap hashes: the learners sign up and log in within the test's few seconds
        env.put("LECTERN_ARGON2_MEMORY_KIB", "1024");
        env.put("LECTERN_ARGON2_ITERATIONS", "1");
        env.put("LECTERN_RUNNER_CONCURRENCY", "2");
        String firstUid = System.getenv("LECTERN_SANDBOX_FIRST_UID");
        if (firstUid != null) {
            env.put("LECTERN_SANDBOX_FIRST_UID", firstUid);
        }
        var session = new LoadBench.Session(work, LoadBench.SERVER_JVM, TestServer.FIXTURE_CONTENT, env);
        session.measure(LEARNERS, LOAD, Duration.ofSeconds(1), 150, true);

        LoadBench.Session.Crash crash = session.crash();
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
