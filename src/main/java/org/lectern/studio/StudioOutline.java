package org.lectern.studio;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lectern.content.ContentException;
import org.lectern.content.CourseFiles;
import org.lectern.content.SourceText;

/**
 * A course's sections and chapters as its files lay them out ({@code NN-section/NN-chapter.md}), read leniently: a
 * file an author has broken still appears, under its slug, so it can be opened and mended.
 */
record StudioOutline(String title, List<Section> sections) {
    private static final Pattern SECTION = Pattern.compile("(\\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)/section\\.md");
    private static final Pattern CHAPTER =
            Pattern.compile("((\\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*))/(\\d{1,4})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");

    record Section(String folder, String slug, int position, String title, List<Chapter> chapters) {}

    /** @param free {@code free:} from the front matter; null when it does not say */
    record Chapter(String path, String sectionSlug, String slug, int position, String title, Boolean free) {
        /** The path without {@code .md}: its quiz and challenges are named after it. */
        String base() {
            return path.substring(0, path.length() - 3);
        }

        /** Whether a file is this chapter's text, quiz or one of its challenges' files. */
        boolean owns(String file) {
            return file.equals(path) || file.equals(base() + ".quiz.yaml") || file.startsWith(base() + ".challenges/");
        }
    }

    static StudioOutline of(CourseFiles files) {
        List<Section> sections = new ArrayList<>();
        for (String path : files.paths()) {
            Matcher m = SECTION.matcher(path);
            if (m.matches()) {
                String folder = path.substring(0, path.indexOf('/'));
                List<Chapter> chapters = new ArrayList<>();
                for (String file : files.paths()) {
                    Matcher c = CHAPTER.matcher(file);
                    if (c.matches() && c.group(1).equals(folder)) {
                        chapters.add(new Chapter(
                                file,
                                m.group(2),
                                c.group(5),
                                Integer.parseInt(c.group(4)),
                                title(files, file, c.group(5)),
                                free(files, file)));
                    }
                }
                chapters.sort(Comparator.comparingInt(Chapter::position));
                sections.add(new Section(
                        folder,
                        m.group(2),
                        Integer.parseInt(m.group(1)),
                        title(files, path, m.group(2)),
                        List.copyOf(chapters)));
            }
        }
        sections.sort(Comparator.comparingInt(Section::position));
        return new StudioOutline(title(files, "course.md", ""), List.copyOf(sections));
    }

    Optional<Chapter> chapter(String sectionSlug, String chapterSlug) {
        return sections.stream()
                .filter(s -> s.slug().equals(sectionSlug))
                .flatMap(s -> s.chapters().stream())
                .filter(c -> c.slug().equals(chapterSlug))
                .findFirst();
    }

    /** Where each chapter is, by slugs, as the importer tells chapters apart. */
    List<org.lectern.content.ChapterMoves.Place> places() {
        List<org.lectern.content.ChapterMoves.Place> places = new ArrayList<>();
        sections.forEach(s ->
                s.chapters().forEach(c -> places.add(new org.lectern.content.ChapterMoves.Place(s.slug(), c.slug()))));
        return places;
    }

    /** The folders and chapter files, in order: what a move or a deletion changes. */
    List<String> layout() {
        List<String> layout = new ArrayList<>();
        for (Section section : sections) {
            layout.add(section.folder());
            section.chapters().forEach(c -> layout.add(c.path()));
        }
        return layout;
    }

    /**
     * A hash of {@link #layout}: a page sends the one it showed with a move, and a move made on a layout that changed
     * meanwhile is a conflict, never applied to places the author did not see.
     */
    String layoutSha() {
        return Drafts.sha(String.join("\n", layout()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Boolean free(CourseFiles files, String path) {
        try {
            return SourceText.parse(path, files.text(path).orElse("")).free();
        } catch (ContentException broken) {
            return null;
        }
    }

    private static String title(CourseFiles files, String path, String fallback) {
        try {
            String title = SourceText.parse(path, files.text(path).orElse("")).title();
            return title.isBlank() ? fallback : title;
        } catch (ContentException broken) {
            return fallback;
        }
    }
}
