package org.lectern.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The data folder's disk fills up under a running server (a small tmpfs, mounted as root): answers then get the
 * "busy or down" answer (503) with a message, never a stack trace or a success that is not kept; once space is freed
 * and the server restarted, the database opens and holds exactly the answers that were acknowledged.
 */
class DiskFullTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String CHAPTER = "/courses/sample-course/basics/second";
    private Path mount;

    @BeforeEach
    void mountASmallDisk() throws Exception {
        mount = Files.createTempDirectory("lectern-full-");
        Assumptions.assumeTrue(
                run("mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", mount.toString()) == 0,
                "SKIPPED: mounting a tmpfs needs root");
    }

    @AfterEach
    void unmount() throws Exception {
        run("umount", "-l", mount.toString());
        TestFiles.deleteTree(mount);
    }

    @Test
    void whenTheDataFolderIsFullAnswersFailClearlyAndEveryAcknowledgedOneSurvives() throws Exception {
        Map<String, String> env =
                Map.of("LECTERN_DATA_DIR", mount.resolve("data").toString());
        Path filler = mount.resolve("filler");
        long question = -1;
        int acknowledged = 0;
        List<String> unclear = new ArrayList<>();
        try (TestServer server = TestServer.start(TestServer.FIXTURE_CONTENT, env)) {
            server.app().accounts().createUser("full@example.org", "Full", PASSWORD, Role.LEARNER);
            Visitor learner = new Visitor(server).logIn("full@example.org", PASSWORD);
            question = FixtureQuiz.question(server, "what-prints");
            String path = CHAPTER + "/questions/" + question;
            fill(filler);
            for (int i = 0; i < 40; i++) {
                // long answers, so the database must write soon
                HttpResponse<String> answer = learner.post(path, Map.of("text", i + " " + "z".repeat(15_000)));
                if (answer.statusCode() == 200) {
                    acknowledged++;
                } else if (answer.statusCode() != 503
                        || answer.body().isBlank()
                        || answer.body().contains("Exception")) {
                    unclear.add(answer.statusCode() + " " + answer.body());
                }
            }
        } catch (RuntimeException closingOnAFullDisk) {
            // closing may fail to write; what matters is what the next start finds
        }
        Files.delete(filler);
        try (TestServer restarted = TestServer.start(TestServer.FIXTURE_CONTENT, env)) {
            int stored = restarted
                    .app()
                    .database()
                    .dsl()
                    .fetchCount(QUESTION_ATTEMPT, QUESTION_ATTEMPT.QUESTION_ID.eq(question));
            assertThat(unclear).as("refusals without a clear message").isEmpty();
            assertThat(acknowledged).as("answers refused on the full disk").isLessThan(40);
            assertThat(stored).as("answers stored after the restart").isEqualTo(acknowledged);
        }
    }

    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) {
                throw full;
            }
        }
    }

    private static int run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }
}
