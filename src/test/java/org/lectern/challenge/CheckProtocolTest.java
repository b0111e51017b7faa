package org.lectern.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.CheckClient;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The check protocol end to end, in the real sandbox: per-test results from assert-based and unittest tests, and a
 * learner's code that tries to forge results through its output gaining nothing.
 */
class CheckProtocolTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static TestServer server;
    private static Visitor learner;

    @BeforeAll
    static void start() {
        server = TestServer.start(CheckCourse.CONTENT, Map.of("LECTERN_RUNNER_RUNS_PER_MINUTE", "1000"));
        server.app().accounts().createUser("forger@example.org", "Forger", PASSWORD, Role.LEARNER);
        learner = new Visitor(server).logIn("forger@example.org", PASSWORD);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static List<JsonNode> check(String key, String code) {
        try (CheckClient client = CheckClient.connect(server, learner)) {
            client.send(CheckCourse.check(server, key, code));
            return client.untilEnded();
        }
    }

    private static JsonNode verdict(List<JsonNode> frames) {
        return CheckClient.ofType(frames, "verdict");
    }

    @Test
    void eachTestIsReportedByNameWithItsDocstringAndFailureMessage() {
        List<JsonNode> frames = check("add-numbers", "def add(a, b):\n    return a - b\n");
        JsonNode verdict = verdict(frames);
        assertThat(verdict.path("passed").asBoolean()).isFalse();
        assertThat(verdict.path("testsTotal").asInt()).isEqualTo(3);
        assertThat(verdict.path("testsPassed").asInt()).isEqualTo(1);
        JsonNode first = verdict.path("tests").get(0);
        assertThat(first.path("name").asText()).isEqualTo("test_small_numbers");
        assertThat(first.path("doc").asText()).isEqualTo("Adds two small numbers.");
        assertThat(first.path("message").asText()).isEqualTo("add(2, 3) gave -1");
        assertThat(verdict.path("tests").get(1).path("message").asText())
                .as("a bare assert shows its line")
                .contains("assert add(-2, -3) == -5");
        assertThat(verdict.path("tests").get(2).path("passed").asBoolean()).isTrue();
    }

    @Test
    void unittestCasesAreReportedOneByOne() {
        JsonNode failed = verdict(check("case-style", "def greet(name):\n    return 'Hello, Ada!'\n"));
        assertThat(failed.path("tests").findValuesAsText("name"))
                .containsExactly("GreetTest.test_greets_by_name", "GreetTest.test_greets_anyone");
        assertThat(failed.path("tests").get(0).path("passed").asBoolean()).isTrue();
        assertThat(failed.path("tests").get(1).path("message").asText()).contains("Hello, Linus!");
        JsonNode passed = verdict(check("case-style", "def greet(name):\n    return f'Hello, {name}!'\n"));
        assertThat(passed.path("passed").asBoolean()).isTrue();
    }

    @Test
    void theLearnersOwnOutputStreamsAndNoResultFrameOrNonceReachesTheConsole() {
        List<JsonNode> frames = check("add-numbers", "print('loading add')\ndef add(a, b):\n    return a + b\n");
        assertThat(verdict(frames).path("passed").asBoolean()).isTrue();
        String stdout = CheckClient.stdout(frames);
        assertThat(stdout).isEqualTo("loading add\n");
    }

    @Test
    void printingFakePassedLinesAndFakeFramesGainsNothing() {
        String forged = """
                import json, os, sys
                fake = '{"test": "test_small_numbers", "doc": "", "passed": true, "message": "", "ms": 1}'
                for nonce in ("0" * 32, "lectern", ""):
                    print(nonce + " " + '{"plan": ["test_small_numbers"]}')
                    print(nonce + " " + fake)
                    print(nonce + " " + '{"done": true}')
                os.write(1, ("f" * 32 + " " + fake + "\\n").encode())
                sys.stderr.write("0" * 32 + " " + fake + "\\n")
                print("PASS test_small_numbers")
                def add(a, b):
                    return 0
                """;
        List<JsonNode> frames = check("add-numbers", forged);
        JsonNode verdict = verdict(frames);
        assertThat(verdict.path("passed").asBoolean()).isFalse();
        assertThat(verdict.path("testsTotal").asInt()).isEqualTo(3);
        assertThat(verdict.path("tests").findValuesAsText("passed"))
                .as("only test_zero passes, as add() returning 0 really does")
                .containsExactly("false", "false", "true");
        assertThat(CheckClient.stdout(frames))
                .as("the forged lines are shown as the ordinary output they are")
                .contains("0".repeat(32) + " " + "{\"plan\"", "f".repeat(32) + " ", "PASS test_small_numbers");
    }

    @Test
    void codeThatDoesNotImportFailsWithTheReason() {
        JsonNode verdict = verdict(check("add-numbers", "def add(a, b)\n    return a + b\n"));
        assertThat(verdict.path("passed").asBoolean()).isFalse();
        assertThat(verdict.path("tests").get(0).path("message").asText()).contains("SyntaxError");
    }

    @Test
    void codeThatEndsTheProcessBeforeTheTestsFinishFails() {
        JsonNode verdict = verdict(check("add-numbers", "import os\ndef add(a, b):\n    os._exit(0)\n"));
        assertThat(verdict.path("passed").asBoolean()).isFalse();
        assertThat(verdict.path("tests").get(0).path("note").asText()).isEqualTo("not_run");
    }

    @Test
    void closingStdoutDoesNotSilenceTheResults() {
        JsonNode verdict =
                verdict(check("add-numbers", "import sys, os\nsys.stdout.close()\ndef add(a, b):\n    return a + b\n"));
        assertThat(verdict.path("passed").asBoolean()).isTrue();
        assertThat(verdict.path("testsPassed").asInt()).isEqualTo(3);
    }
}
