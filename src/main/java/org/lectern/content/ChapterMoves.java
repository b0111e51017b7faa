package org.lectern.content;

import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.SECTION;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * Chapters that change section between two versions of a course. A chapter is known by its slug within its section,
 * so a chapter that left one section while a chapter of the same slug arrived in another is the same chapter, moved:
 * it keeps its row, and with it its questions, learners' answers, progress and feedback. When the slug leaves or
 * arrives in more than one section at once, nothing says which went where, and no move is assumed.
 */
public final class ChapterMoves {
    private ChapterMoves() {}

    /** Where a chapter is: its section's slug and its own. */
    public record Place(String section, String chapter) {
        @Override
        public String toString() {
            return section + "/" + chapter;
        }
    }

    /** @return each moving chapter's place before, with the section it moves to */
    public static Map<Place, String> between(Collection<Place> before, Collection<Place> after) {
        Set<Place> was = new HashSet<>(before);
        Set<Place> will = new HashSet<>(after);
        Map<String, List<Place>> leaving = bySlug(before, will);
        Map<String, List<Place>> arriving = bySlug(after, was);
        Map<Place, String> moves = new LinkedHashMap<>();
        leaving.forEach((slug, from) -> {
            List<Place> to = arriving.getOrDefault(slug, List.of());
            if (from.size() == 1 && to.size() == 1) {
                moves.put(from.get(0), to.get(0).section());
            }
        });
        return moves;
    }

    /** The moves importing {@code next} makes, from the course's published chapters. */
    public static Map<Place, String> into(DSLContext dsl, CourseSource next) {
        return between(published(dsl, next.slug()), places(next));
    }

    public static List<Place> places(CourseSource course) {
        List<Place> places = new ArrayList<>();
        course.sections().forEach(s -> s.chapters().forEach(c -> places.add(new Place(s.slug(), c.slug()))));
        return places;
    }

    /** The chapters learners see now: neither they nor their section are retired. */
    static List<Place> published(DSLContext dsl, String course) {
        return dsl.select(SECTION.SLUG, CHAPTER.SLUG)
                .from(CHAPTER)
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(COURSE.SLUG.eq(course))
                .and(SECTION.RETIRED_AT.isNull())
                .and(CHAPTER.RETIRED_AT.isNull())
                .fetch(r -> new Place(r.value1(), r.value2()));
    }

    private static Map<String, List<Place>> bySlug(Collection<Place> places, Set<Place> unlessIn) {
        Map<String, List<Place>> bySlug = new LinkedHashMap<>();
        for (Place place : places) {
            if (!unlessIn.contains(place)) {
                bySlug.computeIfAbsent(place.chapter(), k -> new ArrayList<>()).add(place);
            }
        }
        return bySlug;
    }
}
