package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lectern.content.CourseFolderReader;
import org.lectern.content.CourseSource;
import org.lectern.content.CourseSource.ChallengeSource;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.content.OutputPattern;
import org.lectern.content.QuestionKind;
import org.lectern.content.Snippets;
import org.lectern.content.Snippets.Snippet;
import org.lectern.testing.TestServer;

/**
 * Runs every course in content/ through the real server and the real sandbox: every runnable snippet ends as its
 * author says and prints what its output block shows; every challenge's solution passes its tests and every starter
 * fails them; every output-prediction answer is what the program really prints.
 */
class CourseVerificationTest {
    private static final Path CONTENT = Path.of("content");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHALLENGE_HARNESS = """
            import sys

            def check():
                with open("/tmp/solution.py", "w") as f:
                    f.write(%s)
                with open("/tmp/tests.py", "w") as f:
                    f.write(%s)
                sys.path.insert(0, "/tmp")
                import tests
                failed = 0
                for name in sorted(n for n in dir(tests) if n.startswith("test_")):
                    try:
                        getattr(tests, name)()
                        print("PASS", name)
                    except Exception as e:
                        failed += 1
                        print("FAIL", name, repr(e))
                sys.exit(1 if failed else 0)

            if __name__ == "__main__":
                check()
            """;
    private static TestServer server;
    private static ExecutorService runners;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                CONTENT,
                Map.of(
                        "LECTERN_GUEST_CONCURRENT_RUNS", "4",
                        "LECTERN_GUEST_RUNS_PER_MINUTE", "100000",
                        "LECTERN_RUNNER_QUEUE", "64"));
        runners = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    @AfterAll
    static void stop() {
        runners.shutdownNow();
        server.close();
    }

    private static List<CourseSource> courses() {
        CourseFolderReader reader = new CourseFolderReader(CONTENT);
        return reader.courseFolders().stream().map(reader::read).toList();
    }

    private static Stream<Located> chapters() {
        return courses().stream()
                .flatMap(c -> c.sections().stream()
                        .flatMap(s -> s.chapters().stream()
                                .map(ch -> new Located(c.slug() + "/" + s.slug() + "/" + ch.slug(), ch))));
    }

    private record Located(String where, ChapterSource chapter) {}

    /** A finished run, as the HTTP API reports it. */
    private record Result(String status, Integer exitCode, String stdout, String stderr) {
        String describe() {
            return "status " + status + ", exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private static CompletableFuture<Result> run(String code, String stdin) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        String body = JSON.writeValueAsString(Map.of("code", code, "stdin", stdin));
                        var response = server.send(HttpRequest.newBuilder(URI.create(server.url("/api/runs")))
                                .timeout(Duration.ofSeconds(120))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build());
                        JsonNode json = JSON.readTree(response.body());
                        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                        return new Result(
                                json.get("status").asText(),
                                json.get("exitCode").isNull()
                                        ? null
                                        : json.get("exitCode").asInt(),
                                json.get("stdout").asText(),
                                json.get("stderr").asText());
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                },
                runners);
    }

    @TestFactory
    Stream<DynamicTest> everyRunnableSnippetEndsAsItsAuthorSaysAndPrintsItsOutputBlock() {
        List<DynamicTest> tests = new ArrayList<>();
        chapters().forEach(at -> {
            for (Snippet snippet : Snippets.of(at.chapter().bodyMd())) {
                if (!snippet.verified()) {
                    continue;
                }
                CompletableFuture<Result> result = run(snippet.code(), snippet.stdin());
                tests.add(DynamicTest.dynamicTest(at.where() + " snippet " + snippet.number(), () -> {
                    Result r = result.join();
                    if (snippet.expect().startsWith("exit ")) {
                        int code =
                                Integer.parseInt(snippet.expect().substring(5).trim());
                        assertThat(r.status()).as(r.describe()).isEqualTo(code == 0 ? "ok" : "error");
                        assertThat(r.exitCode()).as(r.describe()).isEqualTo(code);
                    } else {
                        assertThat(r.status()).as(r.describe()).isEqualTo(snippet.expect());
                    }
                    snippet.output()
                            .ifPresent(expected -> assertThat(
                                            OutputPattern.of(expected).matches(r.stdout()))
                                    .as("output of %s\n--- expected\n%s\n%s", at.where(), expected, r.describe())
                                    .isTrue());
                }));
            }
        });
        assertThat(tests).as("runnable snippets in the content folder").hasSizeGreaterThan(14);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyChallengeSolutionPassesAndEveryStarterFails() {
        List<DynamicTest> tests = new ArrayList<>();
        chapters().forEach(at -> {
            for (ChallengeSource challenge : at.chapter().challenges()) {
                CompletableFuture<Result> solution = run(harness(challenge.solutionCode(), challenge.testCode()), "");
                CompletableFuture<Result> starter = run(harness(challenge.starterCode(), challenge.testCode()), "");
                tests.add(DynamicTest.dynamicTest(at.where() + " challenge " + challenge.key(), () -> {
                    Result passed = solution.join();
                    assertThat(passed.status())
                            .as("the reference solution: " + passed.describe())
                            .isEqualTo("ok");
                    assertThat(passed.stdout()).contains("PASS").doesNotContain("FAIL");
                    Result failed = starter.join();
                    assertThat(failed.status())
                            .as("the starter: " + failed.describe())
                            .isNotEqualTo("ok");
                }));
            }
        });
        assertThat(tests).as("challenges in the content folder").hasSizeGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyOutputPredictionAnswerIsWhatTheProgramPrints() {
        List<DynamicTest> tests = new ArrayList<>();
        chapters().forEach(at -> {
            for (QuestionSource question : at.chapter().questions()) {
                if (question.kind() != QuestionKind.OUTPUT) {
                    continue;
                }
                CompletableFuture<Result> result = run(question.code(), "");
                tests.add(DynamicTest.dynamicTest(at.where() + " question " + question.key(), () -> {
                    Result r = result.join();
                    assertThat(r.status()).as(r.describe()).isEqualTo("ok");
                    assertThat(OutputPattern.normalize(r.stdout()))
                            .as(question.key())
                            .isEqualTo(OutputPattern.normalize(question.answer()));
                }));
            }
        });
        return tests.stream();
    }

    private static String harness(String code, String tests) {
        try {
            return CHALLENGE_HARNESS.formatted(JSON.writeValueAsString(code), JSON.writeValueAsString(tests));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
