package org.lectern.content;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * What of a chapter page's reader sections (the quiz, the challenges, completion and feedback) differs between readers,
 * as the page additions put it in the model. An addition puts HTML that is a reader's own under a name ({@link #own}:
 * a question with this learner's form token, the challenges with their standing), and says in a word whatever else of
 * the model shapes the sections for this reader ({@link #shapedBy}: the chapter completed, the feedback given).
 * {@link CourseController} keeps the sections per chapter, language, content version and those words, with a place
 * for each own part, so that a signed-in view fills in a copy instead of rendering them.
 */
public final class ReaderParts {
    /** The model's variable with the own parts by name, as the sections template reads them. */
    static final String OWN = "own";

    private static final String SHAPE = "readerShape";
    private static final String COMPLETED = "completedChapters";
    private static final String OUTLINE_SHAPE = "outlineShape";

    private ReaderParts() {}

    /** HTML of this reader's own, which the sections template puts in with {@code ${own.get(name)}}. */
    public static void own(Map<String, Object> model, String name, String html) {
        own(model).put(name, html);
    }

    /** A word for something in the model that the sections template shows differently to different readers. */
    public static void shapedBy(Map<String, Object> model, String word) {
        ((StringJoiner) model.computeIfAbsent(SHAPE, k -> new StringJoiner(" "))).add(word);
    }

    /**
     * The chapters the reader completed, for the ticks of the outline, and a word for what else the outline shows
     * them (their progress bar), by which it is kept.
     */
    public static void outline(Map<String, Object> model, Set<Long> completed, String word) {
        model.put(COMPLETED, Set.copyOf(completed));
        model.put(OUTLINE_SHAPE, word);
    }

    /** The chapters the reader completed, or null for a guest. */
    @SuppressWarnings("unchecked") // only outline(...) puts it there
    static Set<Long> completed(Map<String, Object> model) {
        return (Set<Long>) model.get(COMPLETED);
    }

    static String outlineShape(Map<String, Object> model) {
        return (String) model.getOrDefault(OUTLINE_SHAPE, "");
    }

    @SuppressWarnings("unchecked") // only own(...) puts it there
    static Map<String, String> own(Map<String, Object> model) {
        return (Map<String, String>) model.computeIfAbsent(OWN, k -> new HashMap<String, String>());
    }

    static String shape(Map<String, Object> model) {
        Object words = model.get(SHAPE);
        return words == null ? "" : words.toString();
    }
}
