package org.lectern.quiz;

import java.util.List;

/** A question as the chapter page shows it: rendered texts, options or lines, and where answers go. */
public record QuizQuestion(
        long id,
        String kind,
        String action,
        String promptHtml,
        String code,
        String explanationHtml,
        List<OptionView> options,
        List<ParsonsLine> lines,
        String indentUnit,
        String expectedOutput,
        List<String> expectedLines) {

    /** The same question with these Parsons lines. */
    public QuizQuestion withLines(List<ParsonsLine> lines) {
        return new QuizQuestion(
                id,
                kind,
                action,
                promptHtml,
                code,
                explanationHtml,
                options,
                lines,
                indentUnit,
                expectedOutput,
                expectedLines);
    }

    /** An option with its explanation, shown once chosen (or, when the answer is revealed, if correct). */
    public record OptionView(long id, String html, boolean correct, String explanationHtml) {}

    /** A line of a Parsons problem with its indentation level. */
    public record ParsonsLine(String text, int level) {}

    public String expectedProgram() {
        return String.join("\n", expectedLines);
    }

    public boolean isChoice() {
        return kind.equals("single") || kind.equals("multiple");
    }
}
