package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.db.schema.tables.records.QuestionAttemptRecord;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.Learner;
import org.lectern.testing.ServerPerDatabase;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** Answering quiz questions over HTTP, on H2 and on PostgreSQL: what is stored, numbering, and bad input. */
class QuizHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String CHAPTER = "/courses/sample-course/basics/second";
    private static final ServerPerDatabase servers = new ServerPerDatabase(TestServer.FIXTURE_CONTENT, Map.of());
    private static final AtomicInteger people = new AtomicInteger();

    private static TestServer server(TestDatabase kind) {
        return servers.on(kind);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    private static Learner learner(TestServer server) {
        return Learner.signedIn(server, "quiz" + people.incrementAndGet());
    }

    private static DSLContext db(TestServer server) {
        return server.app().database().dsl();
    }

    private static long question(TestServer server, String key) {
        return FixtureQuiz.question(server, key);
    }

    private static long option(TestServer server, String questionKey, String optionKey) {
        return FixtureQuiz.option(server, questionKey, optionKey);
    }

    private static List<QuestionAttemptRecord> attempts(TestServer server, Learner learner, long questionId) {
        return db(server)
                .selectFrom(QUESTION_ATTEMPT)
                .where(QUESTION_ATTEMPT.USER_ID.eq(learner.id()))
                .and(QUESTION_ATTEMPT.QUESTION_ID.eq(questionId))
                .orderBy(QUESTION_ATTEMPT.ATTEMPT_NO)
                .fetch();
    }

    private static HttpResponse<String> answer(Learner learner, long questionId, Map<String, String> form) {
        return learner.visitor().post(CHAPTER + "/questions/" + questionId, form, "HX-Request", "true");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyAttemptIsStoredWithItsOptionsGradeNumberAndTimeTaken(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long single = question(server, "pick-processes");
        long wrong = option(server, "pick-processes", "io");
        long right = option(server, "pick-processes", "cpu");
        long shownAt = System.currentTimeMillis() - 5_000;

        HttpResponse<String> first =
                answer(learner, single, Map.of("option", Long.toString(wrong), "shown_at", Long.toString(shownAt)));
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body())
                .as("a wrong answer shows the explanation of the option chosen")
                .contains("Not quite", "Threads do as well there.", "Attempt 1")
                .doesNotContain("Processes run in parallel.");
        HttpResponse<String> second = answer(learner, single, Map.of("option", Long.toString(right)));
        assertThat(second.body()).contains("Correct!", "Processes run in parallel.", "Attempt 2");
        answer(learner, single, Map.of("give_up", "1"));

        List<QuestionAttemptRecord> stored = attempts(server, learner, single);
        assertThat(stored).extracting(QuestionAttemptRecord::getAttemptNo).containsExactly(1, 2, 3);
        QuestionAttemptRecord one = stored.get(0);
        assertThat(one.getOptionIds()).isEqualTo(Long.toString(wrong));
        assertThat(one.getCorrect()).isFalse();
        assertThat(one.getGaveUp()).isFalse();
        assertThat(one.getFraction()).isZero();
        assertThat(one.getTimeTakenMs()).isBetween(5_000L, 60_000L);
        assertThat(one.getCreatedAt()).isNotNull();
        assertThat(stored.get(1).getCorrect()).isTrue();
        assertThat(stored.get(1).getFraction()).isEqualTo(1.0);
        assertThat(stored.get(1).getTimeTakenMs()).as("no shown-at sent").isNull();
        assertThat(stored.get(2).getGaveUp()).isTrue();
        assertThat(stored.get(2).getCorrect()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void outputMultipleChoiceAndParsonsAnswersAreGradedAndKept(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long output = question(server, "what-prints");
        assertThat(answer(learner, output, Map.of("text", "2  \n\n")).body()).contains("Correct!");
        assertThat(attempts(server, learner, output).get(0).getAnswerText()).isEqualTo("2  \n\n");

        long multiple = question(server, "pick-all");
        HttpResponse<String> partial =
                answer(learner, multiple, Map.of("option", Long.toString(option(server, "pick-all", "sleep"))));
        assertThat(partial.body()).contains("Partly right (50%)");
        assertThat(attempts(server, learner, multiple).get(0).getFraction()).isEqualTo(0.5);

        long parsons = question(server, "order-it");
        String[] lines = {"def total(xs):", "    s = 0", "    for x in xs:", "        s += x", "    return s"};
        HttpResponse<String> solved = learner.visitor()
                .post(
                        CHAPTER + "/questions/" + parsons,
                        Stream.of(lines).map(l -> Map.entry("line", l)).toList(),
                        "HX-Request",
                        "true");
        assertThat(solved.statusCode()).isEqualTo(200);
        assertThat(solved.body()).contains("Correct!", "The body is indented under the");
        QuestionAttemptRecord stored = attempts(server, learner, parsons).get(0);
        assertThat(stored.getCorrect()).isTrue();
        assertThat(stored.getAnswerText()).isEqualTo(String.join("\n", lines));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void twoAnswersAtOnceAreBothRecordedWithDistinctNumbers(TestDatabase kind) throws Exception {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long single = question(server, "pick-processes");
        String right = Long.toString(option(server, "pick-processes", "cpu"));
        learner.visitor().csrfToken();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> tabs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tabs.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return answer(learner, single, Map.of("option", right)).statusCode();
            }));
        }
        start.countDown();
        for (CompletableFuture<Integer> tab : tabs) {
            assertThat(tab.get()).isEqualTo(200);
        }
        assertThat(attempts(server, learner, single))
                .extracting(QuestionAttemptRecord::getAttemptNo)
                .containsExactly(1, 2, 3, 4);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTamperedOptionIsRefusedWithAMessageAndNothingIsStored(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long single = question(server, "pick-processes");
        String othersOption = Long.toString(option(server, "pick-all", "loop"));

        HttpResponse<String> tampered = answer(learner, single, Map.of("option", othersOption));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("this question has no option " + othersOption);
        assertThat(answer(learner, single, Map.of("option", "1 OR 1=1")).statusCode())
                .isEqualTo(400);
        assertThat(answer(learner, single, Map.of()).statusCode()).isEqualTo(400);
        HttpResponse<String> page = learner.visitor()
                .post(CHAPTER + "/questions/" + single, Map.of("option", othersOption), "Accept", "application/json");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("\"status\":400");
        assertThat(attempts(server, learner, single)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aQuestionOfAnotherChapterOrNoQuestionAtAllIsNotFound(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        long single = question(server, "pick-processes");
        String right = Long.toString(option(server, "pick-processes", "cpu"));
        assertThat(learner.visitor()
                        .post("/courses/sample-course/basics/first/questions/" + single, Map.of("option", right))
                        .statusCode())
                .isEqualTo(404);
        assertThat(learner.visitor()
                        .post(CHAPTER + "/questions/999999", Map.of("option", right), "Accept", "application/json")
                        .body())
                .contains("\"status\":404");
        assertThat(learner.visitor()
                        .post(CHAPTER + "/questions/abc", Map.of("option", right))
                        .statusCode())
                .isEqualTo(404);
        assertThat(attempts(server, learner, single)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void guestsSeeTheQuestionsWithAnInvitationToLogInAndCannotAnswer(TestDatabase kind) {
        TestServer server = server(kind);
        Visitor guest = new Visitor(server);
        HttpResponse<String> page = guest.get(CHAPTER);
        assertThat(page.body())
                .contains("Select the correct answer", "Select all that apply", "What does this program print?")
                .contains("Put the lines in order", "Log in to answer")
                .doesNotContain("name=\"_csrf\"", "hx-post", "name=\"shown_at\"");
        assertThat(guest.get(CHAPTER).body())
                .as("the same page for every guest")
                .isEqualTo(page.body());
        long single = question(server, "pick-processes");
        assertThat(guest.post(CHAPTER + "/questions/" + single, Map.of("option", "1"))
                        .statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void aLearnerGetsTheSameParsonsOrderOnEveryReload(TestDatabase kind) {
        TestServer server = server(kind);
        Learner learner = learner(server);
        String first = parsonsLines(learner.visitor().get(CHAPTER).body());
        assertThat(first).isNotEmpty();
        assertThat(parsonsLines(learner.visitor().get(CHAPTER).body())).isEqualTo(first);
        assertThat(first).isNotEqualTo("def total(xs):|s = 0|for x in xs:|s += x|return s");
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void everyQuestionOnALearnersPageCarriesTheirOwnTokenAndTheTimeThePageWasShown(TestDatabase kind) {
        TestServer server = server(kind);
        Learner first = learner(server);
        Learner second = learner(server);
        for (Learner learner : List.of(first, second, first)) {
            long before = System.currentTimeMillis();
            String page = learner.visitor().get(CHAPTER).body();
            long after = System.currentTimeMillis();
            List<String> tokens = values(page, "_csrf");
            List<String> shown = values(page, "shown_at");
            assertThat(tokens).as("a form per question, and more").hasSizeGreaterThanOrEqualTo(4);
            assertThat(tokens).containsOnly(learner.visitor().csrfToken());
            assertThat(shown).hasSize(4);
            assertThat(shown.stream().map(Long::parseLong))
                    .allSatisfy(at -> assertThat(at).isBetween(before, after));
        }
        assertThat(first.visitor().csrfToken()).isNotEqualTo(second.visitor().csrfToken());
    }

    private static List<String> values(String page, String field) {
        var matcher = java.util.regex.Pattern.compile(
                        "<input type=\"hidden\" name=\"" + field + "\" value=\"([^\"]*)\"")
                .matcher(page);
        List<String> values = new ArrayList<>();
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }

    private static String parsonsLines(String page) {
        var matcher = java.util.regex.Pattern.compile("<code class=\"parsons__code\">([^<]*)</code>")
                .matcher(page);
        List<String> lines = new ArrayList<>();
        while (matcher.find()) {
            lines.add(matcher.group(1));
        }
        return String.join("|", lines);
    }

    @Test
    void anAnswerFromTheCopyKeptPerOutcomeIsTheFragmentRenderedWhole() {
        TestServer server = server(TestDatabase.H2);
        Learner learner = learner(server);
        long single = question(server, "pick-processes");
        long multiple = question(server, "pick-all");
        long output = question(server, "what-prints");
        long parsons = question(server, "order-it");
        List<Map.Entry<Long, List<Map.Entry<String, String>>>> answers = List.of(
                Map.entry(single, List.of(Map.entry("option", Long.toString(option(server, "pick-processes", "io"))))),
                Map.entry(single, List.of(Map.entry("option", Long.toString(option(server, "pick-processes", "cpu"))))),
                Map.entry(
                        multiple,
                        List.of(
                                Map.entry("option", Long.toString(option(server, "pick-all", "sleep"))),
                                Map.entry("option", Long.toString(option(server, "pick-all", "loop"))))),
                Map.entry(multiple, List.of(Map.entry("option", Long.toString(option(server, "pick-all", "socket"))))),
                Map.entry(multiple, List.of(Map.entry("option", Long.toString(option(server, "pick-all", "loop"))))),
                Map.entry(multiple, List.of(Map.entry("give_up", "1"))),
                Map.entry(output, List.of(Map.entry("text", "<b>\"2\" & '3'</b>"))),
                Map.entry(output, List.of(Map.entry("text", "2"))),
                Map.entry(
                        parsons,
                        lines("def total(xs):", "    return s", "    s = 0", "        for x in xs:", "s += x")),
                Map.entry(
                        parsons,
                        lines("def total(xs):", "    s = 0", "    for x in xs:", "        s += x", "    return s")),
                Map.entry(parsons, List.of(Map.entry("give_up", "1"))));
        for (var answer : answers) {
            String path = CHAPTER + "/questions/" + answer.getKey();
            // a flash message cannot stand in, so the fragment is rendered whole from the same template
            learner.visitor().setCookie("lectern_flash", "accounts.flash.welcomeBack");
            String whole = learner.visitor()
                    .post(path, answer.getValue(), "HX-Request", "true")
                    .body();
            String first = learner.visitor()
                    .post(path, answer.getValue(), "HX-Request", "true")
                    .body();
            String kept = learner.visitor()
                    .post(path, answer.getValue(), "HX-Request", "true")
                    .body();
            assertThat(whole).as("rendered whole for %s", answer).contains("quiz-result__verdict");
            assertThat(withoutAttemptAndTime(first)).as("%s", answer).isEqualTo(withoutAttemptAndTime(whole));
            assertThat(withoutAttemptAndTime(kept)).as("%s", answer).isEqualTo(withoutAttemptAndTime(whole));
            assertThat(kept)
                    .contains("name=\"_csrf\" value=\"" + learner.visitor().csrfToken() + "\"");
        }
    }

    private static List<Map.Entry<String, String>> lines(String... lines) {
        return java.util.Arrays.stream(lines)
                .map(line -> Map.entry("line", line))
                .toList();
    }

    private static String withoutAttemptAndTime(String fragment) {
        return fragment.replaceAll("Attempt \\d+", "Attempt")
                .replaceAll("name=\"shown_at\" value=\"\\d+\"", "name=\"shown_at\"");
    }
}
