package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lectern.challenge.Verification;
import org.lectern.content.ContentException;
import org.lectern.content.CourseFiles;

/**
 * Which challenges a publish verifies, and that the first failing one stops it. The verifier here only records what
 * it was asked; the real check in the sandbox is exercised by {@code ChallengeEditorHttpTest}.
 */
class ChallengeGateTest {
    private static final String A = "01-s/01-a.challenges/add";
    private static final String B = "01-s/01-a.challenges/sub";

    private static CourseFiles files(Map<String, String> texts) {
        Map<String, byte[]> files = new TreeMap<>();
        texts.forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
        return CourseFiles.of(files);
    }

    private static Map<String, String> challenge(String dir, String title, String solution) {
        return Map.of(
                dir + "/challenge.md",
                "---\ntitle: " + title + "\n---\nDo it.\n",
                dir + "/starter.py",
                "def f():\n    return 0\n",
                dir + "/tests.py",
                "from solution import f\n\n\ndef test_f():\n    assert f() == 1\n",
                dir + "/solution.py",
                solution);
    }

    @SafeVarargs
    private static Map<String, String> course(Map<String, String>... challenges) {
        Map<String, String> all = new TreeMap<>();
        all.put("course.md", "---\ntitle: C\n---\n");
        for (Map<String, String> c : challenges) {
            all.putAll(c);
        }
        return all;
    }

    @Test
    void aPublishVerifiesTheNewAndEditedChallengesButNotOnesThatOnlyMoved() {
        CourseFiles published = files(course(
                challenge(A, "Add", "def f():\n    return 1\n"), challenge(B, "Sub", "def f():\n    return 1\n")));
        CourseFiles draft = files(course(
                challenge("02-s/01-a.challenges/add", "Add", "def f():\n    return 1\n"),
                challenge(B, "Sub", "def f():\n    return 2 - 1\n"),
                challenge("01-s/01-a.challenges/mul", "Mul", "def f():\n    return 1\n")));
        assertThat(ChallengeGate.changed(draft, published)).containsOnlyKeys(B, "01-s/01-a.challenges/mul");
        assertThat(ChallengeGate.changed(published, published)).isEmpty();
    }

    @Test
    void theFirstChallengeThatFailsStopsThePublishWithItsVerification() {
        List<String> asked = new ArrayList<>();
        Verification failing = new Verification(null, null, "the queue is full");
        ChallengeGate gate = new ChallengeGate((author, c) -> {
            asked.add(c.key() + " " + c.title() + " by " + author);
            return failing;
        });
        CourseFiles published = files(course());
        CourseFiles draft = files(course(challenge(A, "Add", "def f():\n    return 1\n")));
        assertThatThrownBy(() -> gate.check(draft, published, 7L))
                .isInstanceOfSatisfying(UnverifiedChallenge.class, refused -> {
                    assertThat(refused.dir()).isEqualTo(A);
                    assertThat(refused.verification()).isSameAs(failing);
                });
        assertThat(asked).containsExactly("add Add by 7");
    }

    @Test
    void aChallengeMissingAFileOrWithBadFrontMatterIsNotReadable() {
        Map<String, String> texts = new TreeMap<>(challenge(A, "Add", "def f():\n    return 1\n"));
        texts.remove(A + "/tests.py");
        assertThatThrownBy(() -> ChallengeGate.read(files(texts), A, "add"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining(A + "/tests.py");
        Map<String, String> badRepeat = new TreeMap<>(challenge(A, "Add", "x"));
        badRepeat.put(A + "/challenge.md", "---\ntitle: Add\nrepeat: 500\n---\n");
        assertThatThrownBy(() -> ChallengeGate.read(files(badRepeat), A, "add"))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("challenge.md")
                .hasMessageContaining("repeat between 1 and 100");
        assertThat(ChallengeGate.keys(files(course(challenge(B, "Sub", "x"), challenge(A, "Add", "x"))), "01-s/01-a"))
                .containsExactly("add", "sub");
    }
}
