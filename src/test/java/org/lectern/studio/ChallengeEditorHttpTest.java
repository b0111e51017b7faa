package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lectern.accounts.Role;
import org.lectern.testing.TestServer;
import org.lectern.testing.Visitor;

/**
 * The challenge editor over HTTP, with the real sandbox: editing a challenge's files under the lock, Verify's
 * per-test results, and publishing refused for a challenge that fails verification and accepted once it passes.
 */
class ChallengeEditorHttpTest {
    private static final String PASSWORD = "a long and unusual passphrase";
    private static final String SECOND = "/studio/courses/sample-course/chapters/basics/second";
    private static final String ADD_NUMBERS = SECOND + "/challenges/add-numbers";
    private static final String THIRD = "/studio/courses/sample-course/chapters/more/third";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(TestServer.FIXTURE_CONTENT);
        var accounts = server.app().accounts();
        accounts.createUser("ann@example.org", "Ann Author", PASSWORD, Role.AUTHOR);
        accounts.createUser("bob@example.org", "Bob Author", PASSWORD, Role.AUTHOR);
        accounts.createUser("lea@example.org", "Lea Learner", PASSWORD, Role.LEARNER);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Visitor author(String who) {
        return new Visitor(server).logIn(who + "@example.org", PASSWORD);
    }

    private static HttpResponse<String> save(Visitor who, String file, String text) {
        return who.post(file, Map.of("text", text, "base", EditorForms.base(who, file)), "Accept", "application/json");
    }

    private static JsonNode verify(Visitor who, String challenge) throws Exception {
        HttpResponse<String> answer = who.post(challenge + "/verify", Map.of(), "Accept", "application/json");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    @Test
    void theChapterListsItsChallengesAndEachFileOpensInTheEditor() {
        Visitor ann = author("ann");
        HttpResponse<String> list = ann.get(SECOND + "/challenges");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Add two numbers", ADD_NUMBERS + "/files/challenge.md");
        assertThat(ann.get(SECOND).body()).as("the chapter editor leads there").contains(SECOND + "/challenges");

        HttpResponse<String> statement = ann.get(ADD_NUMBERS + "/files/challenge.md");
        assertThat(statement.body()).contains("title: Add two numbers", "Write `add(a, b)`.", "Verify");
        assertThat(ann.get(ADD_NUMBERS + "/files/tests.py").body()).contains("assert add(2, 3) == 5");
        assertThat(ann.get(ADD_NUMBERS + "/files/secrets.txt").statusCode()).isEqualTo(404);
        assertThat(ann.get(SECOND + "/challenges/no-such/files/tests.py").statusCode())
                .isEqualTo(404);
        assertThat(ann.post(SECOND + "/challenges/no-such/verify", Map.of()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aSaveIsARevisionAndAStaleOneIsAConflictWithBothVersions() throws Exception {
        Visitor ann = author("ann");
        Visitor bob = author("bob");
        String tests = ADD_NUMBERS + "/files/tests.py";
        String annBase = EditorForms.base(ann, tests);
        String bobBase = EditorForms.base(bob, tests);
        String annText = "from solution import add\n\n\ndef test_adds():\n    \"\"\"Adds two numbers.\"\"\"\n"
                + "    assert add(2, 3) == 5\n\n\ndef test_negative():\n    \"\"\"Adds negatives.\"\"\"\n"
                + "    assert add(-2, -3) == -5\n";
        HttpResponse<String> saved = ann.post(
                tests,
                Map.of("text", annText, "base", annBase, "message", "a test for negatives"),
                "Accept",
                "application/json");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(ann.get(tests).body()).contains("test_negative");
        assertThat(ann.get("/studio/courses/sample-course/revisions").body()).contains("a test for negatives");

        HttpResponse<String> stale = bob.post(
                tests,
                Map.of("text", "def test_nothing():\n    pass\n", "base", bobBase),
                "Accept",
                "application/json");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("theirs").asText()).contains("test_negative");
        HttpResponse<String> page = bob.post(tests, Map.of("text", "def test_nothing():\n    pass\n", "base", bobBase));
        assertThat(page.statusCode()).isEqualTo(409);
        assertThat(page.body()).contains("test_negative", "def test_nothing():", "Someone else saved this file");
        assertThat(ann.get(tests).body()).as("nothing was overwritten").doesNotContain("test_nothing");
    }

    @Test
    void verifyRunsTheSolutionAndTheStarterInTheSandboxAndShowsEachTest() throws Exception {
        Visitor ann = author("ann");
        assertThat(ann.post(THIRD + "/challenges", Map.of("key", "halve", "title", "Halve it"))
                        .statusCode())
                .isEqualTo(302);
        String halve = THIRD + "/challenges/halve";
        assertThat(save(ann, halve + "/files/tests.py", """
                        from solution import halve


                        def test_even():
                            \"\"\"Halves an even number.\"\"\"
                            assert halve(4) == 2


                        def test_odd():
                            \"\"\"Rounds down.\"\"\"
                            assert halve(5) == 2, "halve(5) should be 2"
                        """).statusCode()).isEqualTo(200);
        save(ann, halve + "/files/solution.py", "def halve(n):\n    return n // 2\n");
        save(ann, halve + "/files/starter.py", "def halve(n):\n    return n / 2\n");

        JsonNode good = verify(ann, halve);
        assertThat(good.get("passed").asBoolean()).as(good.toString()).isTrue();
        assertThat(good.get("solution").get("tests")).hasSize(2);
        assertThat(good.get("solution").get("tests").get(0).get("passed").asBoolean())
                .isTrue();
        JsonNode starterTests = good.get("starter").get("tests");
        assertThat(starterTests.get(0).get("passed").asBoolean()).isTrue();
        assertThat(starterTests.get(1).get("passed").asBoolean()).isFalse();
        assertThat(starterTests.get(1).get("message").asText()).contains("halve(5) should be 2");

        HttpResponse<String> page = ann.post(halve + "/verify", Map.of("file", "tests.py"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("the solution passes and the starter fails", "Starter code: 1 of 2 tests pass")
                .contains("halve(5) should be 2");

        save(ann, halve + "/files/starter.py", "def halve(n):\n    return n // 2\n");
        JsonNode lazy = verify(ann, halve);
        assertThat(lazy.get("passed").asBoolean()).isFalse();
        assertThat(lazy.get("reason").asText()).contains("halve", "the starter code passes the check");

        save(ann, halve + "/files/challenge.md", "---\ntitle: Halve\nrepeat: 0\n---\nHalve.\n");
        HttpResponse<String> unreadable = ann.post(halve + "/verify", Map.of(), "Accept", "application/json");
        assertThat(unreadable.statusCode()).isEqualTo(422);
        assertThat(unreadable.body()).contains("repeat between 1 and 100");

        assertThat(ann.post(halve + "/delete", Map.of()).statusCode()).isEqualTo(302);
        assertThat(ann.get(THIRD + "/challenges").body()).doesNotContain("Halve");
        assertThat(ann.get(halve + "/files/challenge.md").statusCode()).isEqualTo(404);
    }

    @Test
    void aNewChallengeNeedsAFreshWellFormedKeyAndATitle() {
        Visitor ann = author("ann");
        HttpResponse<String> badKey = ann.post(THIRD + "/challenges", Map.of("key", "Not A Key", "title", "x"));
        assertThat(badKey.statusCode()).isEqualTo(422);
        assertThat(badKey.body()).contains("Use lowercase letters, digits and single dashes for the key");
        HttpResponse<String> taken = ann.post(SECOND + "/challenges", Map.of("key", "add-numbers", "title", "Again"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("already");
        HttpResponse<String> noTitle = ann.post(THIRD + "/challenges", Map.of("key", "untitled", "title", " "));
        assertThat(noTitle.statusCode()).isEqualTo(422);
    }

    @Test
    void publishingRefusesAChallengeWhoseSolutionFailsAndTakesItOnceItPasses() throws Exception {
        Visitor ann = author("ann");
        Visitor lea = new Visitor(server).logIn("lea@example.org", PASSWORD);
        String learnerPage = "/courses/sample-course/basics/second";
        String solution = ADD_NUMBERS + "/files/solution.py";
        save(ann, solution, "def add(a, b):\n    return a - b\n");
        save(ann, ADD_NUMBERS + "/files/challenge.md", "---\ntitle: Add two numbers, again\n---\nWrite `add(a, b)`.\n");

        JsonNode broken = verify(ann, ADD_NUMBERS);
        assertThat(broken.get("passed").asBoolean()).isFalse();
        assertThat(broken.get("solution").get("passed").asBoolean()).isFalse();
        assertThat(broken.get("reason").asText())
                .contains("add-numbers", "the reference solution does not pass", "test_adds failed");

        HttpResponse<String> chapter = ann.post(SECOND + "/publish", Map.of());
        assertThat(chapter.statusCode()).isEqualTo(422);
        assertThat(chapter.body())
                .contains("Not published", "02-second.challenges/add-numbers", "the reference solution does not pass");
        HttpResponse<String> course = ann.post("/studio/courses/sample-course/publish", Map.of());
        assertThat(course.statusCode()).isEqualTo(422);
        assertThat(course.body()).contains("02-second.challenges/add-numbers");
        assertThat(lea.get(learnerPage).body())
                .as("learners keep the published challenge")
                .contains("Add two numbers")
                .doesNotContain("Add two numbers, again");

        save(ann, solution, "def add(a, b):\n    return a + b\n");
        assertThat(verify(ann, ADD_NUMBERS).get("passed").asBoolean()).isTrue();
        HttpResponse<String> published = ann.post(SECOND + "/publish", Map.of());
        assertThat(published.statusCode()).as(published.body()).isEqualTo(302);
        assertThat(lea.get(learnerPage).body()).contains("Add two numbers, again");
    }
}
