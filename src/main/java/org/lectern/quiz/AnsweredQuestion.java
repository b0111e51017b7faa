package org.lectern.quiz;

import io.javalin.http.Context;
import java.text.NumberFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lectern.quiz.QuizQuestion.ParsonsLine;
import org.lectern.web.Locales;
import org.lectern.web.PageCache;
import org.lectern.web.Places;
import org.lectern.web.Renderer;
import org.unbescape.html.HtmlEscape;

/**
 * A question as an answer shows it, kept per question and outcome: the verdict, the options chosen and the mark are
 * the same for every learner who answered alike. What is a learner's own fills places: the attempt number, the time
 * the fragment was shown, the output they typed, the lines of a Parsons answer in their order, and the form token. A
 * wrong Parsons answer is rendered whole: the levels given to its lines shape it, in more forms than are worth keeping.
 * Rendered for every answer, the fragment was two fifths of an answer's CPU.
 */
public final class AnsweredQuestion {
    private static final String ATTEMPT = "attempt";
    private static final String SHOWN_AT = "shown-at";
    private static final String TEXT = "answer-text";
    private static final String LINE = "answered-line-";

    private AnsweredQuestion() {}

    /** The fragment for this answer; rendered whole where a page would be ({@link Renderer#renderKeptPart}). */
    static String html(
            Renderer renderer,
            PageCache pages,
            Context ctx,
            String template,
            QuizQuestion q,
            Outcome outcome,
            long shownAt) {
        Map<String, Object> model = Map.of("q", q, "result", outcome, "shownAt", shownAt);
        if (q.kind().equals("parsons") && !outcome.correct()) {
            // the levels a learner gave the lines shape the fragment: kept, wrong answers would come in countless forms
            return renderer.render(ctx, template, model);
        }
        List<ParsonsLine> lines = q.lines();
        return renderer.renderKeptPart(
                ctx,
                pages,
                "answered " + q.id() + " " + shape(q, outcome),
                template,
                model,
                new Renderer.Kept(
                        () -> Map.of(
                                "q", UnansweredQuestion.withLinePlaces(q, LINE),
                                "result", new KeptOutcome(outcome, Places.place(ATTEMPT), Places.place(TEXT)),
                                "shownAt", Places.place(SHOWN_AT)),
                        place -> {
                            if (place.equals(ATTEMPT)) {
                                // as the message would format the number itself
                                return NumberFormat.getInstance(Locales.of(ctx)).format(outcome.attemptNo());
                            }
                            if (place.equals(SHOWN_AT)) {
                                return Long.toString(shownAt);
                            }
                            if (place.equals(TEXT)) {
                                return outcome.text() == null ? "" : HtmlEscape.escapeHtml4Xml(outcome.text());
                            }
                            return UnansweredQuestion.line(place, LINE, lines);
                        }));
    }

    /** Everything of the outcome that shapes the fragment but what fills its places. */
    static String shape(QuizQuestion q, Outcome outcome) {
        String chosen = new TreeSet<>(outcome.chosen()).toString();
        String levels = q.lines().stream().map(l -> Integer.toString(l.level())).collect(Collectors.joining(","));
        return outcome.correct() + " " + outcome.gaveUp() + " " + outcome.percent() + " " + chosen.replace(" ", "")
                + " " + (outcome.text() == null ? "-" : "t") + " [" + levels + "]";
    }

    /** The outcome as the kept fragment sees it: the attempt number and the text typed are places. */
    public record KeptOutcome(
            boolean correct, boolean gaveUp, int percentage, String attemptNo, Set<Long> chosen, String text) {
        KeptOutcome(Outcome outcome, String attemptPlace, String textPlace) {
            this(
                    outcome.correct(),
                    outcome.gaveUp(),
                    outcome.percent(),
                    attemptPlace,
                    outcome.chosen(),
                    outcome.text() == null ? null : textPlace);
        }

        public boolean chose(long optionId) {
            return chosen.contains(optionId);
        }

        public boolean revealed() {
            return correct || gaveUp;
        }

        public int percent() {
            return percentage;
        }
    }
}
