package org.lectern.quiz;

import java.util.ArrayList;
import java.util.List;
import org.lectern.quiz.QuizQuestion.ParsonsLine;
import org.lectern.web.Csrf;
import org.lectern.web.Places;
import org.unbescape.html.HtmlEscape;

/**
 * A question as a learner's chapter page shows it before they answer, rendered once per language and content
 * version: it is the same for every learner but for the page's form token, the time it was shown and, in a Parsons
 * question, the order of its lines, which each learner gets shuffled their own way. The kept question has places for
 * these ({@link Places}), and {@link #fill} puts in a learner's. Rendered anew for every signed-in chapter view, a
 * chapter's questions were over a quarter of the page's CPU time.
 */
public final class UnansweredQuestion {
    private static final String SHOWN_AT = "shown-at";
    private static final String LINE = "line-";

    private final Places html;

    /**
     * @param rendered the question rendered from {@link #keptForm}, {@link Csrf#placeField} and {@link #shownAtPlace}
     */
    UnansweredQuestion(String rendered) {
        this.html = Places.of(rendered);
    }

    static String shownAtPlace() {
        return Places.place(SHOWN_AT);
    }

    /**
     * The question to render and keep: a Parsons question's lines are places, in the order of a learner's shuffle.
     * Every line of an unanswered question is at the outermost level, so lines differ in their text alone.
     */
    static QuizQuestion keptForm(QuizQuestion q) {
        return withLinePlaces(q, LINE);
    }

    /** The question with a place for the text of each Parsons line (named {@code prefix} and its index), at its level. */
    static QuizQuestion withLinePlaces(QuizQuestion q, String prefix) {
        List<ParsonsLine> lines = new ArrayList<>();
        for (int i = 0; i < q.lines().size(); i++) {
            lines.add(new ParsonsLine(Places.place(prefix + i), q.lines().get(i).level()));
        }
        return q.withLines(lines);
    }

    /**
     * The question for one page. A token is base64url and a time digits: neither needs escaping in an attribute.
     *
     * @param lines a Parsons question's lines in this learner's order (as {@link Quiz#forChapter} gives them)
     */
    public String fill(String token, long shownAt, List<ParsonsLine> lines) {
        return html.fill(place -> {
            if (place.equals(Csrf.TOKEN_PLACE)) {
                return token;
            }
            if (place.equals(SHOWN_AT)) {
                return Long.toString(shownAt);
            }
            return line(place, LINE, lines);
        });
    }

    /** The text of the line whose place this is (named {@code prefix} and its index), escaped; null for another. */
    static String line(String place, String prefix, List<ParsonsLine> lines) {
        if (!place.startsWith(prefix)) {
            return null;
        }
        int line = Integer.parseInt(place.substring(prefix.length()));
        return line < lines.size() ? HtmlEscape.escapeHtml4Xml(lines.get(line).text()) : null;
    }
}
