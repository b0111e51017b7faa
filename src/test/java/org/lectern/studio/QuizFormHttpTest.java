package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.studio.EditorForms.fields;
import static org.lectern.studio.EditorForms.plus;
import static org.lectern.studio.EditorForms.with;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.lectern.content.CourseFiles;
import org.lectern.testing.FixtureQuiz;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/** The quiz editor's form over HTTP: what it shows and posts, its buttons, its 422, 409 and regrade, and who may use it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuizFormHttpTest {
    private static final String CHAPTER = "/studio/courses/sample-course/chapters/basics/second";
    private static final String FORM = CHAPTER + "/quiz/form";
    private static final String SOURCE = CHAPTER + "/quiz";
    private static TestServer server;
    private static String fixture;

    @BeforeAll
    static void start() {
        server = QuizFixture.start("ann", "bob");
        fixture = QuizFixture.text();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor login(String who) {
        return QuizFixture.login(server, who);
    }

    /** The draft's quiz file, read through the hash the source editor starts from. */
    private static String savedSha(Visitor author) {
        return EditorForms.base(author, SOURCE);
    }

    private static String sha(String text) {
        return CourseFiles.sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, List<String>> asParams(List<Map.Entry<String, String>> fields) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        fields.forEach(
                f -> params.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue()));
        return params;
    }

    @Test
    @Order(1)
    void aLearnerGets403FromTheFormItsButtonsAndItsPublish() {
        Visitor learner = login("lea");
        assertThat(learner.get(FORM).statusCode()).isEqualTo(403);
        assertThat(learner.post(FORM, Map.of("base", "", "op", "add-question")).statusCode())
                .isEqualTo(403);
        assertThat(learner.post(FORM + "/publish", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    @Order(2)
    void theFormShowsEveryFieldWithIdsReadOnlyAndAnUnchangedSaveLeavesTheFileByteForByte() {
        Visitor ann = login("ann");
        HttpResponse<String> page = ann.get(FORM);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<code id=\"q0-id\">pick-processes</code>", "<code id=\"q0-o1-id\">io</code>")
                .contains(
                        "name=\"q0-correct\" value=\"cpu\" checked=\"checked\"", "type=\"radio\"", "type=\"checkbox\"")
                .contains("saving changes writes the whole file in the standard layout");
        List<Map.Entry<String, String>> fields = fields(page.body(), "quiz-form");
        assertThat(QuizFormFields.parse(asParams(fields)))
                .as("the page posts back exactly the quiz it shows")
                .isEqualTo(QuizYaml.read(fixture));

        HttpResponse<String> saved = ann.post(FORM, fields);
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(saved.headers().firstValue("Location")).hasValue(FORM);
        assertThat(savedSha(ann)).as("the file is as it was").isEqualTo(sha(fixture));
    }

    @Test
    @Order(3)
    void theButtonsChangeTheFormKeepWhatWasTypedAndSaveNothing() {
        Visitor ann = login("ann");
        List<Map.Entry<String, String>> typed =
                with(fields(ann.get(FORM).body(), "quiz-form"), "q0-prompt", "Typed, <not> saved");
        HttpResponse<String> added = ann.post(FORM, plus(typed, "op", "add-question"));
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body())
                .contains("Typed, &lt;not&gt; saved", "id=\"q4-prompt\"")
                .containsPattern("<code id=\"q4-id\">question-[a-z0-9]{6}</code>")
                .containsPattern("id=\"q4-prompt\"[^>]*autofocus");
        List<Map.Entry<String, String>> five = fields(added.body(), "quiz-form");
        assertThat(asParams(five)).containsKeys("q4-o0-id", "q4-o1-id").doesNotContainKey("q5-id");

        HttpResponse<String> moved = ann.post(FORM, plus(five, "op", "up-option-0-1"));
        assertThat(QuizFormFields.parse(asParams(fields(moved.body(), "quiz-form")))
                        .questions()
                        .get(0)
                        .options())
                .extracting(QuizForm.Option::id)
                .containsExactly("io", "cpu");
        HttpResponse<String> asOutput = ann.post(FORM, plus(with(five, "q0-kind", "output"), "op", "refresh"));
        String firstQuestion = asOutput.body().substring(0, asOutput.body().indexOf("id=\"q1\""));
        assertThat(firstQuestion)
                .as("without JavaScript, a changed kind's own fields show once the form comes back")
                .containsPattern("<div data-kinds=\"output\">")
                .containsPattern("id=\"q0-options\"\\s+hidden=\"hidden\"");
        assertThat(savedSha(ann)).as("nothing saved").isEqualTo(sha(fixture));
        assertThat(ann.post(FORM, plus(five, "op", "up-question-9")).statusCode())
                .isEqualTo(400);
    }

    @Test
    @Order(4)
    void aSaveThatBreaksTheRulesIs422WithTheMessageBesideItsFieldAndTheInputKept() {
        Visitor ann = login("ann");
        List<Map.Entry<String, String>> twoRight = plus(
                with(fields(ann.get(FORM).body(), "quiz-form"), "q0-prompt", "Which gains, really?"),
                "q0-correct",
                "io");
        HttpResponse<String> refused = ann.post(FORM, twoRight);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body())
                .contains("Not saved: 1 problem to fix")
                .contains("<a href=\"#q0-options\">Question 1: Mark exactly one option as correct (now 2).</a>")
                .contains("id=\"q0-options-error\">Mark exactly one option as correct (now 2).</p>")
                .contains("Which gains, really?", "aria-describedby=\"q0-options-error\"");
        assertThat(fields(refused.body(), "quiz-form")).as("both ticks kept").contains(Map.entry("q0-correct", "cpu"));

        HttpResponse<String> dutch = ann.post(FORM, with(twoRight, "q3-lines", "a\nb"), "Cookie", "lang=nl");
        assertThat(dutch.statusCode()).isEqualTo(422);
        assertThat(dutch.body())
                .contains("Niet opgeslagen: 2 problemen op te lossen")
                .contains("Markeer precies één optie als juist (nu 2).")
                .contains("Vraag 4: Een Parsons-opgave heeft minstens 3 regels nodig (nu 2).");
        assertThat(savedSha(ann)).isEqualTo(sha(fixture));
    }

    @Test
    @Order(5)
    void aStaleSaveIs409WithBothVersionsAndSavingAgainKeepsMine() {
        Visitor ann = login("ann");
        List<Map.Entry<String, String>> annStarted = fields(ann.get(FORM).body(), "quiz-form");
        Visitor bob = login("bob");
        String bobs = fixture.replace("prompt: What does it print?", "prompt: What does Bob's program print?");
        assertThat(bob.post(SOURCE, Map.of("text", bobs, "base", sha(fixture))).statusCode())
                .isEqualTo(302);

        HttpResponse<String> stale = ann.post(FORM, with(annStarted, "q1-prompt", "What does Ann's program print?"));
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body())
                .contains("Someone else saved this chapter meanwhile")
                .contains("prompt: What does Bob&#39;s program print?")
                .contains("prompt: What does Ann&#39;s program print?");
        assertThat(savedSha(ann)).as("Bob's save stands").isEqualTo(sha(bobs));

        HttpResponse<String> mine = ann.post(FORM, fields(stale.body(), "quiz-form"));
        assertThat(mine.statusCode()).isEqualTo(302);
        assertThat(ann.get(SOURCE).body())
                .contains("prompt: What does Ann&#39;s program print?")
                .doesNotContain("Bob");
    }

    @Test
    @Order(6)
    void changingTheRightAnswerInTheFormAsksAboutRegradingAtPublishAndComesBackToTheForm() {
        long question = FixtureQuiz.question(server, "pick-processes");
        Visitor learner = login("lea");
        String answer = "/courses/sample-course/basics/second/questions/" + question;
        learner.post(answer, Map.of("option", Long.toString(FixtureQuiz.option(server, "pick-processes", "io"))));
        learner.post(answer, Map.of("option", Long.toString(FixtureQuiz.option(server, "pick-processes", "cpu"))));
        assertThat(FixtureQuiz.verdicts(server, question)).containsExactly(false, true);

        Visitor ann = login("ann");
        List<Map.Entry<String, String>> ioRight = with(fields(ann.get(FORM).body(), "quiz-form"), "q0-correct", "io");
        assertThat(ann.post(FORM, ioRight).statusCode()).isEqualTo(302);
        HttpResponse<String> asked = ann.post(FORM + "/publish", Map.of());
        assertThat(asked.statusCode()).isEqualTo(409);
        assertThat(asked.body())
                .contains("Regrade the answers already given?", "pick-processes")
                .contains("action=\"" + FORM + "/publish\"");
        assertThat(FixtureQuiz.verdicts(server, question))
                .as("nothing published yet")
                .containsExactly(false, true);

        HttpResponse<String> regraded = ann.post(FORM + "/publish", Map.of("regrade", "yes"));
        assertThat(regraded.statusCode()).isEqualTo(302);
        assertThat(regraded.headers().firstValue("Location")).hasValue(FORM);
        assertThat(FixtureQuiz.question(server, "pick-processes"))
                .as("the question keeps its id")
                .isEqualTo(question);
        assertThat(FixtureQuiz.verdicts(server, question)).containsExactly(true, false);
    }
}
