package org.lectern.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.quiz.QuizQuestion.ParsonsLine;
import org.lectern.web.Csrf;

class UnansweredQuestionTest {
    private static final QuizQuestion PARSONS = new QuizQuestion(
            7,
            "parsons",
            "/answer",
            "<p>Order</p>",
            null,
            "",
            List.of(),
            List.of(new ParsonsLine("a", 0), new ParsonsLine("b", 0)),
            "    ",
            null,
            List.of("a", "b"));

    @Test
    void aParsonsQuestionIsKeptWithAPlaceForEachLineInTheLearnersOrder() {
        QuizQuestion kept = UnansweredQuestion.keptForm(PARSONS);
        assertThat(kept.lines())
                .hasSize(2)
                .allSatisfy(line -> assertThat(line.level()).isZero());
        String rendered = "<form><input value=\"" + Csrf.placeField().getToken() + "\">"
                + "<input value=\"" + UnansweredQuestion.shownAtPlace() + "\">"
                + lineHtml(kept.lines().get(0).text())
                + lineHtml(kept.lines().get(1).text()) + "</form>";
        UnansweredQuestion question = new UnansweredQuestion(rendered);

        String page = question.fill(
                "tok", 1234, List.of(new ParsonsLine("if a < b and c > \"d\":", 0), new ParsonsLine("print('&')", 0)));

        assertThat(page)
                .isEqualTo("<form><input value=\"tok\"><input value=\"1234\">"
                        + lineHtml("if a &lt; b and c &gt; &quot;d&quot;:")
                        + lineHtml("print(&#39;&amp;&#39;)") + "</form>");
    }

    @Test
    void aQuestionWithoutLinesKeepsOnlyItsTokenAndTime() {
        QuizQuestion single = new QuizQuestion(
                8, "single", "/answer", "<p>Pick</p>", null, "", List.of(), List.of(), "    ", null, List.of());
        UnansweredQuestion question = new UnansweredQuestion(UnansweredQuestion.keptForm(single)
                        .promptHtml() + Csrf.placeField().getToken() + "/" + UnansweredQuestion.shownAtPlace());

        assertThat(question.fill("tok", 99, List.of())).isEqualTo("<p>Pick</p>tok/99");
    }

    private static String lineHtml(String text) {
        return "<li><code>" + text + "</code><input name=\"line\" value=\"" + text + "\"></li>";
    }
}
