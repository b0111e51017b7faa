package org.lectern.challenge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHALLENGE_SOLUTION_VIEW;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.db.schema.tables.records.ChallengeSubmissionRecord;
import org.lectern.testing.CheckClient;
import org.lectern.testing.Learner;
import org.lectern.testing.ServerPerDatabase;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * Checks over the WebSocket and the solution route, on H2 and on PostgreSQL: every check is stored with all its
 * fields and numbered, demands beyond the tests are judged from the run figures, and bad input gets a clear 4xx with
 * nothing stored.
 */
class ChallengeHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final ServerPerDatabase servers = new ServerPerDatabase(
            CheckCourse.CONTENT, Map.of("LECTERN_RUNNER_RUNS_PER_MINUTE", "1000", "LECTERN_RUNNER_MAX_CODE", "4K"));
    private static final AtomicInteger people = new AtomicInteger();

    private static TestServer server(TestDatabase kind) {
        return servers.on(kind);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static Learner learner(TestServer server) {
        return Learner.signedIn(server, "coder" + people.incrementAndGet());
    }

    private static List<ChallengeSubmissionRecord> submissions(TestServer server, Learner learner) {
        return server.app()
                .database()
                .dsl()
                .selectFrom(CHALLENGE_SUBMISSION)
                .where(CHALLENGE_SUBMISSION.USER_ID.eq(learner.id()))
                .orderBy(CHALLENGE_SUBMISSION.CHALLENGE_ID, CHALLENGE_SUBMISSION.ATTEMPT_NO)
                .fetch();
    }

    private static JsonNode check(TestServer server, Learner learner, String key, String code) {
        try (CheckClient client = CheckClient.connect(server, learner.visitor())) {
            client.send(CheckCourse.check(server, key, code));
            return CheckClient.ofType(client.untilEnded(), "verdict");
        }
    }

    private static JsonNode error(
            TestServer server, Visitor visitor, com.fasterxml.jackson.databind.node.ObjectNode frame) {
        try (CheckClient client = CheckClient.connect(server, visitor)) {
            client.send(frame);
            return client.await("error");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyCheckIsStoredWithItsCodeVerdictPerTestOutcomesAndFigures(TestDatabase kind) throws Exception {
        TestServer server = server(kind);
        Learner learner = learner(server);
        String wrong = "def add(a, b):\n    return a * b\n";
        String right = "def add(a, b):\n    return a + b\n";

        JsonNode failed = check(server, learner, "add-numbers", wrong);
        assertThat(failed.path("attemptNo").asInt()).isEqualTo(1);
        JsonNode passed = check(server, learner, "add-numbers", right);
        assertThat(passed.path("passed").asBoolean()).isTrue();
        assertThat(passed.path("attemptNo").asInt()).isEqualTo(2);
        assertThat(passed.path("solution").asText())
                .as("passing shows the solution")
                .contains("return a + b");

        List<ChallengeSubmissionRecord> stored = submissions(server, learner);
        assertThat(stored).extracting(ChallengeSubmissionRecord::getAttemptNo).containsExactly(1, 2);
        ChallengeSubmissionRecord one = stored.get(0);
        assertThat(one.getChallengeId()).isEqualTo(CheckCourse.challenge(server, "add-numbers"));
        assertThat(one.getCode()).isEqualTo(wrong);
        assertThat(one.getPassed()).isFalse();
        assertThat(one.getStatus()).isEqualTo("ok");
        assertThat(one.getTestsPassed()).isEqualTo(1);
        assertThat(one.getTestsTotal()).isEqualTo(3);
        JsonNode results = CheckClient.JSON.readTree(one.getResultsJson());
        assertThat(results.path("tests").findValuesAsText("name"))
                .containsExactly("test_small_numbers", "test_negative_numbers", "test_zero");
        assertThat(results.path("tests").get(0).path("message").asText()).isEqualTo("add(2, 3) gave 6");
        assertThat(results.path("tests").get(2).path("passed").asBoolean()).isTrue();
        assertThat(results.path("demands").isArray()).isTrue();
        assertThat(one.getWallMs()).isPositive();
        assertThat(one.getCpuMs()).isPositive();
        assertThat(one.getPeakMemoryKb()).isPositive();
        assertThat(one.getProcesses()).isPositive();
        assertThat(one.getCreatedAt()).isNotNull();
        ChallengeSubmissionRecord two = stored.get(1);
        assertThat(two.getPassed()).isTrue();
        assertThat(two.getTestsPassed()).isEqualTo(3);
        assertThat(learner.visitor().get(CheckCourse.CHAPTER_PATH).body())
                .as("the page shows the solved challenge with its solution and the learner's last code")
                .contains("✓ <span>Solved</span>", "<h4>Reference solution</h4>", "data-latest=\"def add(a, b):");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theKeptSectionShowsEveryReaderTheirOwnCodeStandingAndSolution(TestDatabase kind) {
        TestServer server = server(kind);
        Learner solver = learner(server);
        Learner other = learner(server);
        // the other learner's view keeps the section before the solver has checked anything
        assertThat(other.visitor().get(CheckCourse.CHAPTER_PATH).body()).contains("Show the solution");
        String attempt = "def add(a, b):\n    return a - b  # \"mine\" & <theirs>\n";
        check(server, solver, "add-numbers", attempt);

        String solvers = solver.visitor().get(CheckCourse.CHAPTER_PATH).body();
        assertThat(solvers)
                .contains(
                        "<span class=\"challenge__badge\">Attempted: 1 checks</span>",
                        "data-latest=\"def add(a, b):\n    return a - b  # &quot;mine&quot; &amp; &lt;theirs&gt;\n\"")
                .contains("name=\"_csrf\" value=\"" + solver.visitor().csrfToken() + "\"")
                .doesNotContain(other.visitor().csrfToken());
        String others = other.visitor().get(CheckCourse.CHAPTER_PATH).body();
        assertThat(others)
                .contains(
                        "Show the solution",
                        "name=\"_csrf\" value=\"" + other.visitor().csrfToken() + "\"")
                .doesNotContain(
                        "challenge__badge",
                        "&quot;mine&quot;",
                        "challenge__solution",
                        "Log in to check your code",
                        solver.visitor().csrfToken());
        assertThat(new Visitor(server).get(CheckCourse.CHAPTER_PATH).body())
                .as("a guest's page")
                .contains("Log in to check your code", "data-latest=\"\"")
                .doesNotContain("Show the solution", "challenge__badge", "&quot;mine&quot;");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRepeatedCheckReportsARaceAndWallTimeAndProcessDemandsAreJudgedFromTheFigures(TestDatabase kind)
            throws Exception {
        TestServer server = server(kind);
        Learner learner = learner(server);
        // the starter's race with its thread switch at one increment in ten, drawn at random: the starter itself,
        // which switches at every one, lost 1,494 to 1,500 of the 2,000 increments and once the same count in all
        // four runs
        String racy = """
                import random
                import time


                class Counter:
                    def __init__(self):
                        self.value = 0

                    def increment(self):
                        current = self.value
                        if random.random() < 0.1:
                            time.sleep(0)
                        self.value = current + 1
                """;
        JsonNode raced = check(server, learner, "racy-counter", racy);
        assertThat(raced.path("passed").asBoolean()).isFalse();
        assertThat(raced.path("runs").asInt()).isEqualTo(4);
        JsonNode race = raced.path("demands").get(0);
        assertThat(race.path("kind").asText()).isEqualTo("race");
        assertThat(race.path("limit").asInt()).isEqualTo(4);
        assertThat(race.path("passed").asBoolean())
                .as("lost increments differ from run to run: %s", raced)
                .isFalse();
        assertThat(race.path("actual").asInt()).isGreaterThan(1);

        JsonNode slow = check(
                server, learner, "slow-sum", "import time\ndef total(xs):\n    time.sleep(1.6)\n    return sum(xs)\n");
        assertThat(slow.path("testsPassed").asInt()).as("the tests pass").isEqualTo(1);
        assertThat(slow.path("passed").asBoolean()).as("but too slowly").isFalse();
        JsonNode wall = slow.path("demands").get(0);
        assertThat(wall.path("kind").asText()).isEqualTo("wall");
        assertThat(wall.path("limit").asInt()).isEqualTo(1500);
        assertThat(wall.path("actual").asInt()).isGreaterThan(1500);
        ChallengeSubmissionRecord stored = submissions(server, learner).stream()
                .filter(s -> s.getChallengeId() == CheckCourse.challenge(server, "slow-sum"))
                .findFirst()
                .orElseThrow();
        assertThat(stored.getPassed()).isFalse();
        assertThat(stored.getWallMs()).isGreaterThan(1500);
        assertThat(stored.getResultsJson()).contains("\"kind\":\"wall\"");

        JsonNode fast = check(server, learner, "slow-sum", "def total(xs):\n    return sum(xs)\n");
        assertThat(fast.path("passed").asBoolean()).isTrue();

        JsonNode alone = check(server, learner, "two-workers", "def squares(xs):\n    return [x * x for x in xs]\n");
        assertThat(alone.path("testsPassed").asInt()).isEqualTo(1);
        assertThat(alone.path("passed").asBoolean())
                .as("right, but on one thread")
                .isFalse();
        JsonNode processes = alone.path("demands").get(0);
        assertThat(processes.path("kind").asText()).isEqualTo("processes");
        assertThat(processes.path("limit").asInt()).isEqualTo(3);
        assertThat(processes.path("actual").asInt()).isLessThan(3);
        String pool = String.join(
                "\n",
                java.nio.file.Files.readAllLines(CheckCourse.CONTENT.resolve(
                        "check-course/01-checks/01-checks.challenges/two-workers/solution.py")));
        assertThat(check(server, learner, "two-workers", pool).path("passed").asBoolean())
                .isTrue();
    }

    private static Challenges challenges(TestServer server) {
        return new Challenges(
                server.app().database().dsl(),
                server.app().runner().programs(),
                server.app().catalog()::version);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void submissionsStoredAtTheSameMomentGetDistinctNumbers(TestDatabase kind) throws Exception {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long challenge = CheckCourse.challenge(server, "add-numbers");
        Challenges challenges = challenges(server);
        CheckResult result = new CheckResult(false, "ok", List.of(), List.of(), 1, 10, 10, 1000, 1);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> tabs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tabs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return challenges.store(learner.id(), challenge, "pass", result).attemptNo();
            }));
        }
        start.countDown();
        List<Integer> numbers = new ArrayList<>();
        for (CompletableFuture<Integer> tab : tabs) {
            numbers.add(tab.get());
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(submissions(server, learner))
                .extracting(ChallengeSubmissionRecord::getAttemptNo)
                .containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void badChecksGetA4xxAndNothingIsStored(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long other = CheckCourse.challenge(server, "double");
        String code = "def add(a, b):\n    return a + b\n";

        assertThat(error(
                                server,
                                learner.visitor(),
                                CheckClient.checkFrame(
                                        CheckCourse.COURSE, CheckCourse.SECTION, CheckCourse.CHAPTER, 999_999, code))
                        .path("status")
                        .asInt())
                .as("an unknown challenge")
                .isEqualTo(404);
        assertThat(error(
                                server,
                                learner.visitor(),
                                CheckClient.checkFrame(
                                        CheckCourse.COURSE, CheckCourse.SECTION, CheckCourse.CHAPTER, other, code))
                        .path("status")
                        .asInt())
                .as("a challenge of another chapter")
                .isEqualTo(404);
        JsonNode tooLong = error(server, learner.visitor(), CheckCourse.check(server, "add-numbers", "#".repeat(5000)));
        assertThat(tooLong.path("status").asInt()).isEqualTo(413);
        assertThat(tooLong.path("message").asText()).contains("at most 4 KiB");
        assertThat(error(server, null, CheckCourse.check(server, "add-numbers", code))
                        .path("status")
                        .asInt())
                .as("a guest")
                .isEqualTo(401);
        assertThat(error(
                                server,
                                learner.visitor(),
                                CheckClient.JSON.createObjectNode().put("type", "grade"))
                        .path("status")
                        .asInt())
                .isEqualTo(400);

        try (CheckClient client = CheckClient.connect(server, learner.visitor())) {
            client.send(CheckCourse.check(server, "add-numbers", "import time\ntime.sleep(0.5)\n" + code));
            client.send(CheckCourse.check(server, "add-numbers", code));
            List<JsonNode> frames = client.untilEnded();
            assertThat(CheckClient.ofType(frames, "error").path("status").asInt())
                    .as("a double click while the check runs")
                    .isEqualTo(409);
            assertThat(CheckClient.ofType(frames, "verdict").path("attemptNo").asInt())
                    .isEqualTo(1);
        }
        assertThat(submissions(server, learner))
                .as("only the one check that ran")
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theSolutionShowsAfterThreeFailedChecksWhenAskedAndIsRemembered(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long challenge = CheckCourse.challenge(server, "add-numbers");
        String ask = CheckCourse.CHAPTER_PATH + "/challenges/" + challenge + "/solution";
        String wrong = "def add(a, b):\n    return 0\n";

        for (int i = 1; i <= 2; i++) {
            assertThat(check(server, learner, "add-numbers", wrong)
                            .path("mayAskSolution")
                            .asBoolean())
                    .isFalse();
        }
        HttpResponse<String> early = learner.visitor().post(ask, Map.of());
        assertThat(early.statusCode()).as("two failed checks are not enough").isEqualTo(409);
        assertThat(learner.visitor().get(CheckCourse.CHAPTER_PATH).body())
                .doesNotContain("<h4>Reference solution</h4>");

        assertThat(check(server, learner, "add-numbers", wrong)
                        .path("mayAskSolution")
                        .asBoolean())
                .isTrue();
        HttpResponse<String> asked = learner.visitor().post(ask, Map.of());
        assertThat(asked.statusCode()).isEqualTo(302);
        assertThat(asked.headers().firstValue("Location").orElse(""))
                .isEqualTo(CheckCourse.CHAPTER_PATH + "#challenge-" + challenge);
        assertThat(learner.visitor().post(ask, Map.of()).statusCode())
                .as("asking twice")
                .isEqualTo(302);
        assertThat(server.app()
                        .database()
                        .dsl()
                        .fetchCount(CHALLENGE_SOLUTION_VIEW, CHALLENGE_SOLUTION_VIEW.USER_ID.eq(learner.id())))
                .isEqualTo(1);
        assertThat(learner.visitor().get(CheckCourse.CHAPTER_PATH).body())
                .contains("<h4>Reference solution</h4>", "return a + b");

        assertThat(learner.visitor()
                        .post(CheckCourse.CHAPTER_PATH + "/challenges/999999/solution", Map.of())
                        .statusCode())
                .isEqualTo(404);
        long other = CheckCourse.challenge(server, "double");
        assertThat(learner.visitor()
                        .post(CheckCourse.CHAPTER_PATH + "/challenges/" + other + "/solution", Map.of())
                        .statusCode())
                .as("a challenge of another chapter")
                .isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void checksLostWithTheirRunnerNodeAreStoredButDoNotCountAsFailedTowardsTheSolution(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long challenge = CheckCourse.challenge(server, "add-numbers");
        Challenges challenges = challenges(server);
        CheckResult lost = new CheckResult(false, "runner_lost", List.of(), List.of(), 1, 0, 0, 0, 0);
        CheckResult failed = new CheckResult(false, "ok", List.of(), List.of(), 1, 10, 10, 1000, 1);

        for (int i = 1; i <= 3; i++) {
            Challenges.Submitted stored = challenges.store(learner.id(), challenge, "def add(a, b): ...", lost);
            assertThat(stored.attemptNo()).isEqualTo(i);
            assertThat(stored.failedChecks()).isZero();
            assertThat(stored.mayAskSolution()).isFalse();
        }
        assertThat(learner.visitor()
                        .post(CheckCourse.CHAPTER_PATH + "/challenges/" + challenge + "/solution", Map.of())
                        .statusCode())
                .as("three lost checks judged nothing")
                .isEqualTo(409);
        Challenges.Submitted judged = challenges.store(learner.id(), challenge, "def add(a, b): ...", failed);
        assertThat(judged.attemptNo()).isEqualTo(4);
        assertThat(judged.failedChecks()).isEqualTo(1);
        assertThat(submissions(server, learner)).hasSize(4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChapterWithOnlyAChallengeIsCompleteOnceItIsPassedOrItsSolutionSeen(TestDatabase kind) {
        TestServer server = server(kind);
        String other = "/courses/check-course/checks/other";
        long challenge = CheckCourse.challenge(server, "double");
        Learner solver = learner(server);
        assertThat(solver.visitor().get(other).body())
                .as("no Mark as read where a challenge decides")
                .doesNotContain("Mark as read", "You completed this chapter.");
        assertThat(checkOther(server, solver, challenge, "def double(n):\n    return n + n\n"))
                .isTrue();
        assertThat(solver.visitor().get(other).body()).contains("You completed this chapter.");
        assertThat(solver.visitor().get("/courses/check-course").body()).contains("1 of 2 chapters complete");

        Learner quitter = learner(server);
        for (int i = 0; i < 3; i++) {
            assertThat(checkOther(server, quitter, challenge, "def double(n):\n    return n\n"))
                    .isFalse();
        }
        assertThat(quitter.visitor().get(other).body())
                .doesNotContain("You completed this chapter.")
                .as("the solution may be asked for now")
                .contains("<details class=\"challenge__ask\" data-role=\"ask\">");
        assertThat(solver.visitor().get(other).body()).doesNotContain("challenge__ask");
        assertThat(learner(server).visitor().get(other).body())
                .as("not yet for a learner who has not tried")
                .contains("<details class=\"challenge__ask\" data-role=\"ask\" hidden=\"hidden\">");
        assertThat(quitter.visitor()
                        .post(other + "/challenges/" + challenge + "/solution", Map.of())
                        .statusCode())
                .isEqualTo(302);
        assertThat(quitter.visitor().get(other).body())
                .as("the solution seen settles the challenge")
                .contains("You completed this chapter.");
    }

    private static boolean checkOther(TestServer server, Learner learner, long challenge, String code) {
        try (CheckClient client = CheckClient.connect(server, learner.visitor())) {
            client.send(CheckClient.checkFrame(CheckCourse.COURSE, CheckCourse.SECTION, "other", challenge, code));
            return CheckClient.ofType(client.untilEnded(), "verdict")
                    .path("passed")
                    .asBoolean();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void guestsSeeTheChallengesWithoutSolutionsAndTheCoursePageCountsThem(TestDatabase kind) {
        TestServer server = server(kind);
        String page = server.get(CheckCourse.CHAPTER_PATH).body();
        assertThat(page)
                .contains("Code challenges", "Add two numbers", "Log in to check your code", "def add(a, b):")
                .doesNotContain(
                        "return a + b", "<h4>Reference solution</h4>", "assert add(", "Show the solution</summary>");
        assertThat(server.get("/courses/check-course").body()).contains("6 code challenges", "5 code challenges");
    }
}
