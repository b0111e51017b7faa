package org.lectern.content;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.lectern.web.Places;

/**
 * The sections and chapters of a course's outline as one chapter page shows them (that chapter marked as the current
 * one), rendered once per language and content version. Only the ticks of completed chapters differ between readers:
 * the rendered list holds a place for each chapter's tick ({@link Places}), and {@link #html} fills in the ticks of
 * the chapters this reader completed. Rendered whole for every signed-in page view, the list was over a quarter of
 * the page's CPU time.
 */
public final class OutlineChapters {
    private static final String TICK = "tick-";

    private final Places list;
    private final String tick;

    private OutlineChapters(Places list, String tick) {
        this.list = list;
        this.tick = tick;
    }

    /** The place of each chapter's tick, by chapter id, for the template that renders the list. */
    public static Map<Long, String> tickPlaces(CourseOutline course) {
        return course.chapters().stream()
                .map(located -> located.chapter().id())
                .collect(Collectors.toMap(id -> id, OutlineChapters::tickPlace));
    }

    static String tickPlace(long chapterId) {
        return Places.place(TICK + chapterId);
    }

    /**
     * @param rendered the list as rendered, the place of each chapter's tick ({@link #tickPlaces}) in it
     * @param tick the tick, as rendered in the reader's language
     */
    public static OutlineChapters of(String rendered, String tick) {
        return new OutlineChapters(Places.of(rendered), tick);
    }

    /** The list, with a tick beside each chapter in {@code completed}; null for none (a guest). */
    public String html(Set<Long> completed) {
        return list.fill(place -> {
            long chapter = Long.parseLong(place.substring(TICK.length()));
            return completed != null && completed.contains(chapter) ? tick : "";
        });
    }
}
