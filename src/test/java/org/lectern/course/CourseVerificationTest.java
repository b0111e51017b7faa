package org.lectern.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.SECTION;

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
import org.lectern.accounts.Role;
import org.lectern.content.CourseFolderReader;
import org.lectern.content.CourseSource;
import org.lectern.content.CourseSource.ChallengeSource;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.content.OutputPattern;
import org.lectern.content.QuestionKind;
import org.lectern.content.Snippets;
import org.lectern.content.Snippets.Snippet;
import org.lectern.testing.CheckClient;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Runs every course in content/ through the real server and the real sandbox: every runnable snippet ends as its
 * author says and prints what its output block shows; every challenge's solution passes the real Check (tests and
 * demands) and every starter fails it; every output-prediction answer is what the program really prints.
 */
class CourseVerificationTest {
    private static final Path CONTENT = Path.of("content");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final java.util.concurrent.atomic.AtomicInteger learners =
            new java.util.concurrent.atomic.AtomicInteger();
    private static TestServer server;
    private static ExecutorService runners;

    @BeforeAll
    static void start() {
        server = TestServer.start(
                CONTENT,
                Map.of(
                        "LECTERN_GUEST_CONCURRENT_RUNS", "4",
                        "LECTERN_GUEST_RUNS_PER_MINUTE", "100000",
                        "LECTERN_RUNNER_RUNS_PER_MINUTE", "100000",
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
                        .flatMap(s -> s.chapters().stream().map(ch -> new Located(c.slug(), s.slug(), ch))));
    }

    private record Located(String course, String section, ChapterSource chapter) {
        String where() {
            return course + "/" + section + "/" + chapter.slug();
        }
    }

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

    /**
     * Each challenge goes through the production Check (the WebSocket, the harness, the result frames, the demands),
     * its solution and its starter each checked by a learner of their own, since a learner has one run at a time.
     */
    @TestFactory
    Stream<DynamicTest> everyChallengeSolutionPassesTheRealCheckAndEveryStarterFailsIt() {
        List<DynamicTest> tests = new ArrayList<>();
        chapters().forEach(at -> {
            for (ChallengeSource challenge : at.chapter().challenges()) {
                long id = challengeId(at, challenge.key());
                CompletableFuture<JsonNode> solution = check(at, id, challenge.solutionCode());
                CompletableFuture<JsonNode> starter = check(at, id, challenge.starterCode());
                tests.add(DynamicTest.dynamicTest(at.where() + " challenge " + challenge.key(), () -> {
                    JsonNode passed = solution.join();
                    assertThat(passed.path("passed").asBoolean())
                            .as("the reference solution's check: " + passed)
                            .isTrue();
                    JsonNode failed = starter.join();
                    assertThat(failed.path("passed").asBoolean())
                            .as("the starter's check: " + failed)
                            .isFalse();
                }));
            }
        });
        assertThat(tests).as("challenges in the content folder").hasSizeGreaterThanOrEqualTo(6);
        return tests.stream();
    }

    private static long challengeId(Located at, String key) {
        return server.app()
                .database()
                .dsl()
                .select(CHALLENGE.ID)
                .from(CHALLENGE)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHALLENGE.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(COURSE.SLUG.eq(at.course()))
                .and(SECTION.SLUG.eq(at.section()))
                .and(CHAPTER.SLUG.eq(at.chapter().slug()))
                .and(CHALLENGE.CHALLENGE_KEY.eq(key))
                .fetchSingle(CHALLENGE.ID);
    }

    /** The verdict of a real check, by a new learner. */
    private static CompletableFuture<JsonNode> check(Located at, long challengeId, String code) {
        String name = "verifier" + learners.incrementAndGet();
        server.app().accounts().createUser(name + "@example.org", name, PASSWORD, Role.LEARNER);
        Visitor learner = new Visitor(server).logIn(name + "@example.org", PASSWORD);
        return CompletableFuture.supplyAsync(
                () -> {
                    try (CheckClient client = CheckClient.connect(server, learner)) {
                        client.send(CheckClient.checkFrame(
                                at.course(), at.section(), at.chapter().slug(), challengeId, code));
                        List<JsonNode> frames = client.untilEnded();
                        return frames.stream()
                                .filter(f -> f.path("type").asText().equals("verdict"))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("no verdict: " + frames));
                    }
                },
                runners);
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
}
