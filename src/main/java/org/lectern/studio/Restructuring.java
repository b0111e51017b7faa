package org.lectern.studio;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lectern.content.CourseFiles;

/**
 * A course's structure changed as files: a new section is a folder with a {@code section.md}, a new chapter a
 * {@code NN-slug.md}, a move renumbers the {@code NN-} prefixes (slugs, and so ids and links, stay), a rename edits
 * the front matter, a deletion removes the files. Each method returns the change: each path's new content, or null
 * for a removed file.
 */
final class Restructuring {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private Restructuring() {}

    static Map<String, byte[]> addSection(StudioOutline outline, String slug, String title) {
        requireSlug(
                slug,
                outline.sections().stream().map(StudioOutline.Section::slug).toList());
        requireTitle(title);
        int position = outline.sections().stream()
                        .mapToInt(StudioOutline.Section::position)
                        .max()
                        .orElse(0)
                + 1;
        return Map.of(
                "%02d-%s/section.md".formatted(position, slug),
                utf8("---\ntitle: " + Drafts.yamlString(title) + "\n---\n"));
    }

    static Map<String, byte[]> addChapter(StudioOutline.Section section, String slug, String title) {
        requireSlug(
                slug,
                section.chapters().stream().map(StudioOutline.Chapter::slug).toList());
        requireTitle(title);
        int position = section.chapters().stream()
                        .mapToInt(StudioOutline.Chapter::position)
                        .max()
                        .orElse(0)
                + 1;
        return Map.of(
                "%s/%02d-%s.md".formatted(section.folder(), position, slug),
                utf8("---\ntitle: " + Drafts.yamlString(title) + "\n---\n"));
    }

    static Map<String, byte[]> retitle(CourseFiles files, String path, String title) {
        requireTitle(title);
        return Map.of(path, utf8(FrontMatterLines.set(text(files, path), "title", Drafts.yamlString(title))));
    }

    /** Free for guests: {@code free: true}; false leaves it to the course's {@code free_sections} again. */
    static Map<String, byte[]> setFree(CourseFiles files, StudioOutline.Chapter chapter, boolean free) {
        return Map.of(
                chapter.path(), utf8(FrontMatterLines.set(text(files, chapter.path()), "free", free ? "true" : null)));
    }

    static Map<String, byte[]> deleteChapter(CourseFiles files, StudioOutline.Chapter chapter) {
        Map<String, byte[]> change = new LinkedHashMap<>();
        files.paths().stream().filter(chapter::owns).forEach(p -> change.put(p, null));
        return change;
    }

    static Map<String, byte[]> deleteSection(CourseFiles files, StudioOutline.Section section) {
        Map<String, byte[]> change = new LinkedHashMap<>();
        files.paths().stream().filter(p -> p.startsWith(section.folder() + "/")).forEach(p -> change.put(p, null));
        return change;
    }

    /** Puts a section's chapters in the given order of slugs, numbered 01, 02, … from the top. */
    static Map<String, byte[]> orderChapters(CourseFiles files, StudioOutline.Section section, List<String> slugs) {
        List<StudioOutline.Chapter> chapters = section.chapters();
        requirePermutation(
                slugs, chapters.stream().map(StudioOutline.Chapter::slug).toList());
        Map<String, byte[]> change = new LinkedHashMap<>();
        renumber(
                files,
                change,
                section.folder(),
                slugs.stream()
                        .map(slug -> chapters.stream()
                                .filter(c -> c.slug().equals(slug))
                                .findFirst()
                                .orElseThrow())
                        .toList());
        return change;
    }

    /**
     * Moves a chapter to a place (1 for the top; beyond the end for the end) in a section, its own or another: its
     * text, quiz and challenges go along, and each section it touches is numbered 01, 02, … again. Its slug stays, so
     * the importer finds it in its new section and keeps its questions and learners' answers.
     */
    static Map<String, byte[]> moveChapter(
            CourseFiles files, StudioOutline outline, StudioOutline.Chapter chapter, String toSection, int place) {
        StudioOutline.Section from = section(outline, chapter.sectionSlug());
        StudioOutline.Section to = section(outline, toSection);
        if (from.equals(to)) {
            return orderChapters(files, from, placed(Structure.chapterOrder(from), chapter.slug(), place));
        }
        if (to.chapters().stream().anyMatch(c -> c.slug().equals(chapter.slug()))) {
            throw new InvalidCourse("studio.structure.slugTakenThere");
        }
        List<StudioOutline.Chapter> left = new ArrayList<>(from.chapters());
        left.remove(chapter);
        List<StudioOutline.Chapter> arrived = new ArrayList<>(to.chapters());
        arrived.add(Math.max(0, Math.min(place - 1, arrived.size())), chapter);
        Map<String, byte[]> change = new LinkedHashMap<>();
        renumber(files, change, from.folder(), left);
        renumber(files, change, to.folder(), arrived);
        return change;
    }

    /** Gives each chapter the name of its place in the section's folder, moving its files when that differs. */
    private static void renumber(
            CourseFiles files, Map<String, byte[]> change, String folder, List<StudioOutline.Chapter> chapters) {
        for (int i = 0; i < chapters.size(); i++) {
            StudioOutline.Chapter chapter = chapters.get(i);
            String base = "%s/%02d-%s".formatted(folder, i + 1, chapter.slug());
            if (!base.equals(chapter.base())) {
                files.paths().stream()
                        .filter(chapter::owns)
                        .forEach(p -> move(
                                files,
                                change,
                                p,
                                base + p.substring(chapter.base().length())));
            }
        }
    }

    /** Puts the course's sections in the given order of slugs, numbered 01, 02, … */
    static Map<String, byte[]> orderSections(CourseFiles files, StudioOutline outline, List<String> slugs) {
        requirePermutation(
                slugs,
                outline.sections().stream().map(StudioOutline.Section::slug).toList());
        Map<String, byte[]> change = new LinkedHashMap<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            StudioOutline.Section section = outline.sections().stream()
                    .filter(s -> s.slug().equals(slug))
                    .findFirst()
                    .orElseThrow();
            String folder = "%02d-%s".formatted(i + 1, slug);
            if (!folder.equals(section.folder())) {
                files.paths().stream()
                        .filter(p -> p.startsWith(section.folder() + "/"))
                        .forEach(p -> move(
                                files,
                                change,
                                p,
                                folder + p.substring(section.folder().length())));
            }
        }
        return change;
    }

    /** The order after putting one item at a place, 1 for the first; a place past either end means that end. */
    static List<String> placed(List<String> order, String slug, int place) {
        List<String> result = new ArrayList<>(order);
        if (result.remove(slug)) {
            result.add(Math.max(0, Math.min(place - 1, result.size())), slug);
        }
        return result;
    }

    /** The order after moving one item a place up (-1) or down (+1); the same order at either end. */
    static List<String> moved(List<String> order, String slug, int by) {
        List<String> result = new ArrayList<>(order);
        int from = result.indexOf(slug);
        int to = from + by;
        if (from >= 0 && to >= 0 && to < result.size()) {
            result.remove(from);
            result.add(to, slug);
        }
        return result;
    }

    /** @throws InvalidCourse when the course has no such section */
    private static StudioOutline.Section section(StudioOutline outline, String slug) {
        return outline.sections().stream()
                .filter(s -> s.slug().equals(slug))
                .findFirst()
                .orElseThrow(() -> new InvalidCourse("studio.structure.noSection"));
    }

    private static void move(CourseFiles files, Map<String, byte[]> change, String from, String to) {
        // A file another move already filled keeps its new content; only a path nobody refills is removed.
        if (!change.containsKey(from) || change.get(from) == null) {
            change.put(from, null);
        }
        change.put(to, files.bytes(from).orElseThrow());
    }

    private static void requirePermutation(List<String> given, List<String> existing) {
        if (given.size() != existing.size() || !new HashSet<>(given).equals(new HashSet<>(existing))) {
            throw new InvalidCourse("studio.structure.badOrder");
        }
    }

    private static void requireSlug(String slug, List<String> taken) {
        if (!SLUG.matcher(slug).matches() || slug.length() > 100) {
            throw new InvalidCourse("studio.create.badSlug");
        }
        if (taken.contains(slug)) {
            throw new InvalidCourse("studio.structure.slugTaken");
        }
    }

    private static void requireTitle(String title) {
        if (title.isBlank() || title.length() > 200) {
            throw new InvalidCourse("studio.create.badTitle");
        }
    }

    private static String text(CourseFiles files, String path) {
        return files.text(path).orElseThrow();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
