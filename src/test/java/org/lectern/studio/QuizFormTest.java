package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.http.BadRequestResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.content.QuestionKind;
import org.lectern.content.QuizSource;
import org.lectern.studio.QuizForm.Option;
import org.lectern.studio.QuizForm.Question;
import org.lectern.testing.TestServer;

/** The quiz form and the quiz file, both ways: what the form shows, what it posts, what it writes. */
class QuizFormTest {
    private static final Path FIXTURE_QUIZ =
            TestServer.FIXTURE_CONTENT.resolve("sample-course/01-basics/02-second.quiz.yaml");

    static Stream<Path> shippedQuizzes() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("content"))) {
            return files.filter(p -> p.toString().endsWith(".quiz.yaml")).sorted().toList().stream();
        }
    }

    /** What the page's form posts for a quiz: the same names as templates/studio/quiz.html, CRLF line ends. */
    static Map<String, List<String>> posted(QuizForm form) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < form.questions().size(); i++) {
            Question q = form.questions().get(i);
            String n = QuizFormFields.question(i);
            put(params, n + "-id", q.id());
            put(params, n + "-kind", q.kindCode());
            put(params, n + "-prompt", q.prompt());
            put(params, n + "-code", q.code());
            put(params, n + "-answer", q.answer());
            put(params, n + "-lines", q.lines());
            put(params, n + "-lines-style", q.linesStyle().name().toLowerCase(java.util.Locale.ROOT));
            put(params, n + "-explanation", q.explanation());
            put(params, n + "-points", q.points());
            for (int j = 0; j < q.options().size(); j++) {
                Option o = q.options().get(j);
                String m = QuizFormFields.option(n, j);
                put(params, m + "-id", o.id());
                put(params, m + "-text", o.text());
                put(params, m + "-explanation", o.explanation());
                if (o.correct()) {
                    params.computeIfAbsent(n + "-correct", k -> new ArrayList<>())
                            .add(o.id());
                }
            }
        }
        return params;
    }

    private static void put(Map<String, List<String>> params, String name, String value) {
        params.put(name, List.of(value.replace("\n", "\r\n")));
    }

    private static QuizForm throughTheForm(String yaml) {
        return QuizFormFields.parse(posted(QuizYaml.read(yaml)));
    }

    @ParameterizedTest
    @MethodSource("shippedQuizzes")
    void everyShippedQuizComesBackFromTheFormByteForByte(Path file) throws IOException {
        String yaml = Files.readString(file);
        String written = QuizYaml.write(throughTheForm(yaml));
        assertThat(written).isEqualTo(yaml);
    }

    @Test
    void aQuizInAnotherLayoutKeepsItsMeaningAndItsIds() throws IOException {
        String fixture = Files.readString(FIXTURE_QUIZ);
        String written = QuizYaml.write(throughTheForm(fixture));
        assertThat(written)
                .as("the fixture writes its explanation before its lines")
                .isNotEqualTo(fixture);
        assertThat(QuizSource.read("q.quiz.yaml", written)).isEqualTo(QuizSource.read("q.quiz.yaml", fixture));
        assertThat(written)
                .contains(
                        "    answer: \"2\"\n",
                        "        text: \"`time.sleep`\"\n",
                        "    lines: |\n      def total(xs):\n");
        assertThat(QuizYaml.write(QuizYaml.read(written)))
                .as("and from then on it is stable")
                .isEqualTo(written);
    }

    @Test
    void textThatYamlWouldReadAsSomethingElseIsQuotedAndMultiLineTextIsABlock() {
        Question q = new Question(
                "q",
                QuestionKind.OUTPUT,
                "Is it: true?",
                "  indented first line\nprint('x')\n",
                "true",
                "",
                QuizForm.LinesStyle.LIST,
                "- a dash\n# not a comment",
                "",
                List.of());
        String yaml = QuizYaml.write(new QuizForm(List.of(q)));
        assertThat(yaml).isEqualTo("""
                        questions:
                          - id: q
                            kind: output
                            prompt: "Is it: true?"
                            code: |2
                                indented first line
                              print('x')
                            answer: "true"
                            explanation: |-
                              - a dash
                              # not a comment
                        """);
        assertThat(QuizYaml.read(yaml).questions().get(0)).isEqualTo(q);
    }

    @Test
    void parsonsLinesKeepTheirIndentationAsAListOrABlock() {
        String list = "questions:\n  - id: p\n    kind: parsons\n    prompt: Order\n    lines:\n"
                + "      - \"for x in xs:\"\n      - \"    total += x\"\n      - \"print(total)\"\n";
        Question fromList = throughTheForm(list).questions().get(0);
        assertThat(fromList.lines()).isEqualTo("for x in xs:\n    total += x\nprint(total)");
        assertThat(QuizYaml.write(new QuizForm(List.of(fromList)))).isEqualTo(list);

        Question block = new Question(
                "p",
                QuestionKind.PARSONS,
                "Order",
                "",
                "",
                fromList.lines() + "\n",
                QuizForm.LinesStyle.BLOCK,
                "",
                "",
                List.of());
        assertThat(QuizYaml.write(new QuizForm(List.of(block))))
                .endsWith("    lines: |\n      for x in xs:\n          total += x\n      print(total)\n");
    }

    @Test
    void onlyTheQuestionsOwnKindsFieldsReachTheFile() {
        String single = "questions:\n  - id: s\n    kind: single\n    prompt: P\n    options:\n"
                + "      - id: a\n        text: A\n        correct: true\n        explanation: E\n"
                + "      - id: b\n        text: B\n        explanation: F\n";
        QuizForm form = QuizYaml.read(single);
        Question q = form.questions().get(0);
        Question asOutput = new Question(
                q.id(), QuestionKind.OUTPUT, q.prompt(), "print(1)", "1", "", q.linesStyle(), "", "", q.options());
        assertThat(QuizYaml.write(new QuizForm(List.of(asOutput))))
                .isEqualTo(
                        "questions:\n  - id: s\n    kind: output\n    prompt: P\n    code: print(1)\n    answer: \"1\"\n");
        assertThat(asOutput.options())
                .as("the options stay in the form while its kind is switched")
                .hasSize(2);
    }

    @Test
    void whatTheFormCannotHoldIsUnreadableWhileBrokenRulesStillOpen() {
        assertThatThrownBy(() -> QuizYaml.read("questions:\n  - id: q\n    kind: single\n    hint: x\n"))
                .isInstanceOf(QuizYaml.Unreadable.class);
        assertThatThrownBy(() -> QuizYaml.read("questions:\n  - id: q\n    kind: essay\n"))
                .isInstanceOf(QuizYaml.Unreadable.class);
        assertThatThrownBy(() -> QuizYaml.read("questions: [unclosed\n")).isInstanceOf(QuizYaml.Unreadable.class);
        QuizForm twoRight = QuizYaml.read("questions:\n  - id: q\n    kind: single\n    options:\n"
                + "      - id: a\n        correct: true\n      - id: b\n        correct: yes\n");
        assertThat(twoRight.questions().get(0).options())
                .extracting(Option::correct)
                .containsExactly(true, true);
        assertThat(twoRight.questions().get(0).prompt()).isEmpty();
    }

    @Test
    void aKindTheFormNeverOffersIsABadRequest() {
        Map<String, List<String>> params =
                new LinkedHashMap<>(posted(QuizYaml.read("questions:\n  - id: q\n    kind: single\n")));
        params.put("q0-kind", List.of("essay"));
        assertThatThrownBy(() -> QuizFormFields.parse(params)).isInstanceOf(BadRequestResponse.class);
    }

    @Test
    void questionsAndOptionsAreReadInTheFormsOrderWithTheirCorrectAnswersByOptionId() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q10-id", List.of("later"));
        params.put("q10-kind", List.of("multiple"));
        params.put("q2-id", List.of("sooner"));
        params.put("q2-kind", List.of("single"));
        params.put("q2-o1-id", List.of("second"));
        params.put("q2-o0-id", List.of("first"));
        params.put("q2-correct", List.of("second"));
        QuizForm form = QuizFormFields.parse(params);
        assertThat(form.questions()).extracting(Question::id).containsExactly("sooner", "later");
        assertThat(form.questions().get(0).options())
                .extracting(Option::id, Option::correct)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("first", false),
                        org.assertj.core.groups.Tuple.tuple("second", true));
    }

    @Test
    void movingAndRemovingKeepEveryIdAndAddingGivesFreshUniqueOnes() throws IOException {
        QuizIds ids = new QuizIds(new Random(7));
        QuizForm form = QuizYaml.read(Files.readString(FIXTURE_QUIZ));
        form = QuizFormEdits.apply(form, "down-question-0", ids).form();
        form = QuizFormEdits.apply(form, "up-option-2-2", ids).form();
        form = QuizFormEdits.apply(form, "remove-question-3", ids).form();
        assertThat(form.questions())
                .extracting(Question::id)
                .containsExactly("what-prints", "pick-processes", "pick-all");
        assertThat(form.questions().get(2).options()).extracting(Option::id).containsExactly("sleep", "loop", "socket");

        Set<String> questionIds = new HashSet<>(List.of("what-prints", "pick-processes", "pick-all"));
        for (int i = 0; i < 50; i++) {
            QuizFormEdits.Edited added = QuizFormEdits.apply(form, "add-question", ids);
            form = added.form();
            Question fresh = form.questions().get(form.questions().size() - 1);
            assertThat(added.focus()).isEqualTo("q" + (form.questions().size() - 1) + "-prompt");
            assertThat(questionIds.add(fresh.id()))
                    .as("a fresh id: " + fresh.id())
                    .isTrue();
            assertThat(fresh.id()).matches("question-[a-z0-9]{6}");
            assertThat(fresh.options())
                    .extracting(Option::id)
                    .doesNotHaveDuplicates()
                    .allMatch(id -> id.matches("option-[a-z0-9]{6}"));
        }
        QuizForm withOption = QuizFormEdits.apply(form, "add-option-1", ids).form();
        assertThat(withOption.questions().get(1).options())
                .extracting(Option::id)
                .startsWith("cpu", "io")
                .hasSize(3)
                .doesNotHaveDuplicates();
    }

    @Test
    void aRetiredIdIsNotReusedWhenARemovedQuestionIsAddedAgain() {
        QuizIds ids = new QuizIds(new Random(11));
        QuizForm one = QuizFormEdits.apply(new QuizForm(List.of()), "add-question", ids)
                .form();
        String first = one.questions().get(0).id();
        QuizForm none = QuizFormEdits.apply(one, "remove-question-0", ids).form();
        QuizForm again = QuizFormEdits.apply(none, "add-question", ids).form();
        assertThat(again.questions().get(0).id()).isNotEqualTo(first);
    }

    @Test
    void theFocusFollowsTheMovedItemAndAButtonTheFormDoesNotHaveIsABadRequest() throws IOException {
        QuizIds ids = new QuizIds(new Random(3));
        QuizForm form = QuizYaml.read(Files.readString(FIXTURE_QUIZ));
        assertThat(QuizFormEdits.apply(form, "down-question-1", ids).focus()).isEqualTo("q2-down");
        assertThat(QuizFormEdits.apply(form, "down-question-2", ids).focus())
                .as("now last")
                .isEqualTo("q3-up");
        assertThat(QuizFormEdits.apply(form, "up-option-0-1", ids).focus()).isEqualTo("q0-o0-down");
        assertThat(QuizFormEdits.apply(form, "remove-option-0-1", ids).focus()).isEqualTo("q0-o0-text");
        assertThatThrownBy(() -> QuizFormEdits.apply(form, "remove-question-4", ids))
                .isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> QuizFormEdits.apply(form, "drop-tables", ids)).isInstanceOf(BadRequestResponse.class);
    }
}
