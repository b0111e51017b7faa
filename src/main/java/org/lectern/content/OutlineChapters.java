package org.lectern.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sections and chapters of a course's outline as one chapter page shows them (that chapter marked as the current
 * one), rendered once per language and content version. Only the ticks of completed chapters differ between readers:
 * the rendered list holds a place for each chapter's tick, {@code <!--tick ID-->}, a comment that no escaped title can
 * make, and {@link #html} fills in the ticks of the chapters this reader completed. Rendered whole for every signed-in
 * page view, the list was over a quarter of the page's CPU time.
 */
public final class OutlineChapters {
    private static final Pattern PLACE = Pattern.compile("<!--tick (\\d+)-->");

    /** The text around the places: one more piece than places. */
    private final String[] pieces;

    private final long[] chapters;
    private final String tick;

    private OutlineChapters(String[] pieces, long[] chapters, String tick) {
        this.pieces = pieces;
        this.chapters = chapters;
        this.tick = tick;
    }

    /**
     * @param rendered the list as rendered, a place for each chapter's tick in it
     * @param tick the tick, as rendered in the reader's language
     */
    public static OutlineChapters of(String rendered, String tick) {
        List<String> pieces = new ArrayList<>();
        List<Long> chapters = new ArrayList<>();
        Matcher place = PLACE.matcher(rendered);
        int from = 0;
        while (place.find()) {
            pieces.add(rendered.substring(from, place.start()));
            chapters.add(Long.parseLong(place.group(1)));
            from = place.end();
        }
        pieces.add(rendered.substring(from));
        return new OutlineChapters(
                pieces.toArray(String[]::new),
                chapters.stream().mapToLong(Long::longValue).toArray(),
                tick);
    }

    /** The list, with a tick beside each chapter in {@code completed}; null for none (a guest). */
    public String html(Set<Long> completed) {
        StringBuilder html = new StringBuilder(pieces.length * 200);
        for (int i = 0; i < chapters.length; i++) {
            html.append(pieces[i]);
            if (completed != null && completed.contains(chapters[i])) {
                html.append(tick);
            }
        }
        return html.append(pieces[chapters.length]).toString();
    }
}
