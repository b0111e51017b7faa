package org.lectern.content;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** A course with its sections and chapters in order, numbered as learners see them. */
public record CourseOutline(
        long id,
        String slug,
        String title,
        String summary,
        String descriptionMd,
        String locale,
        List<SectionEntry> sections) {

    public record SectionEntry(
            long id, String slug, int number, String title, String summaryMd, List<ChapterEntry> chapters) {}

    public record ChapterEntry(
            long id, String slug, int number, String title, String summary, int minutes, boolean free) {}

    /** A chapter together with the section it belongs to. */
    public record Located(SectionEntry section, ChapterEntry chapter) {
        public String path(String courseSlug) {
            return "/courses/" + courseSlug + "/" + section.slug() + "/" + chapter.slug();
        }
    }

    public List<Located> chapters() {
        return sections.stream()
                .flatMap(s -> s.chapters().stream().map(c -> new Located(s, c)))
                .toList();
    }

    public Optional<Located> find(String sectionSlug, String chapterSlug) {
        return chapters().stream()
                .filter(l -> l.section().slug().equals(sectionSlug)
                        && l.chapter().slug().equals(chapterSlug))
                .findFirst();
    }

    public Optional<Located> first() {
        return chapters().stream().findFirst();
    }

    public Optional<Located> previous(Located current) {
        List<Located> all = chapters();
        int i = all.indexOf(current);
        return i > 0 ? Optional.of(all.get(i - 1)) : Optional.empty();
    }

    public Optional<Located> next(Located current) {
        List<Located> all = chapters();
        int i = all.indexOf(current);
        return i >= 0 && i < all.size() - 1 ? Optional.of(all.get(i + 1)) : Optional.empty();
    }

    public int chapterCount() {
        return sections.stream().mapToInt(s -> s.chapters().size()).sum();
    }

    public int minutes() {
        return sections.stream()
                .flatMap(s -> s.chapters().stream())
                .mapToInt(ChapterEntry::minutes)
                .sum();
    }

    public Stream<ChapterEntry> allChapters() {
        return sections.stream().flatMap(s -> s.chapters().stream());
    }
}
