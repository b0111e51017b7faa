package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.lectern.content.CourseFiles;

/** The studio's reading of a course's files: the outline, what a chapter owns, diffs between versions. */
class StudioFilesTest {
    private static CourseFiles files(String... pathsAndTexts) {
        Map<String, byte[]> files = new TreeMap<>();
        for (int i = 0; i < pathsAndTexts.length; i += 2) {
            files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return CourseFiles.of(files);
    }

    @Test
    void theOutlineOrdersByNumberAndKeepsABrokenFileUnderItsSlug() {
        StudioOutline outline = StudioOutline.of(files(
                "course.md", "---\ntitle: C\n---\n",
                "10-later/section.md", "---\ntitle: Later\n---\n",
                "09-sooner/section.md", "---\ntitle: Sooner\n---\n",
                "09-sooner/02-b.md", "---\ntitle: [broken\n---\n",
                "09-sooner/01-a.md", "---\ntitle: A\n---\n",
                "09-sooner/01-a.quiz.yaml", "questions: []\n"));
        assertThat(outline.title()).isEqualTo("C");
        assertThat(outline.sections()).extracting(StudioOutline.Section::title).containsExactly("Sooner", "Later");
        assertThat(outline.sections().get(0).chapters())
                .extracting(StudioOutline.Chapter::title)
                .containsExactly("A", "b");
        assertThat(outline.chapter("sooner", "a")).isPresent();
        assertThat(outline.chapter("later", "a")).isEmpty();
    }

    @Test
    void publishingAChapterTakesItsTextQuizAndChallengesAndNothingElse() {
        CourseFiles published = files(
                "course.md", "---\ntitle: C\n---\n",
                "01-s/section.md", "---\ntitle: S\n---\n",
                "01-s/01-a.md", "old a",
                "01-s/01-a.quiz.yaml", "old quiz",
                "01-s/02-b.md", "old b");
        CourseFiles draft = files(
                "course.md", "---\ntitle: C, renamed\n---\n",
                "01-s/section.md", "---\ntitle: S\n---\n",
                "01-s/01-a.md", "new a",
                "01-s/01-a.challenges/x/tests.py", "new test",
                "01-s/02-b.md", "new b");
        var a = StudioOutline.of(draft).chapter("s", "a").orElseThrow();
        CourseFiles merged = Publisher.mergeChapter(draft, published, a, "01-s/section.md");
        assertThat(merged.text("01-s/01-a.md")).contains("new a");
        assertThat(merged.contains("01-s/01-a.quiz.yaml"))
                .as("the quiz the draft removed")
                .isFalse();
        assertThat(merged.text("01-s/01-a.challenges/x/tests.py")).contains("new test");
        assertThat(merged.text("01-s/02-b.md")).contains("old b");
        assertThat(merged.text("course.md"))
                .hasValueSatisfying(t -> assertThat(t).contains("title: C\n"));
    }

    @Test
    void aDiffShowsTheChangedLinesWithTheirContext() {
        var diff = TextDiff.between("a", "one\ntwo\nthree\n", "b", "one\n2\nthree\nfour\n");
        assertThat(diff)
                .extracting(TextDiff.Line::text)
                .containsExactly("--- a", "+++ b", "@@ -1,3 +1,4 @@", " one", "-two", "+2", " three", "+four");
        assertThat(diff).extracting(TextDiff.Line::kindCode).contains("removed", "added", "hunk", "header");
        assertThat(TextDiff.between("a", "same\n", "b", "same\n")).isEmpty();
    }

    @Test
    void aTitleBecomesOneYamlStringWhateverItHolds() {
        assertThat(Drafts.yamlString("A \"quoted\": title \\ here")).isEqualTo("\"A \\\"quoted\\\": title \\\\ here\"");
    }

    @Test
    void movingAChapterRenumbersItsFilesAndKeepsItsSlugAndContent() {
        CourseFiles course = files(
                "course.md", "---\ntitle: C\n---\n",
                "01-s/section.md", "---\ntitle: S\n---\n",
                "01-s/01-a.md", "---\ntitle: A\n---\n",
                "01-s/01-a.quiz.yaml", "quiz of a",
                "01-s/02-b.md", "---\ntitle: B\n---\n",
                "01-s/02-b.challenges/x/tests.py", "tests of b");
        StudioOutline.Section section = StudioOutline.of(course).sections().get(0);
        var order = Restructuring.moved(Structure.chapterOrder(section), "b", -1);
        assertThat(order).containsExactly("b", "a");
        assertThat(Restructuring.moved(order, "b", -1))
                .as("the top stays the top")
                .containsExactly("b", "a");
        var change = Restructuring.orderChapters(course, section, order);
        assertThat(change)
                .containsOnlyKeys(
                        "01-s/01-a.md",
                        "01-s/01-a.quiz.yaml",
                        "01-s/02-a.md",
                        "01-s/02-a.quiz.yaml",
                        "01-s/02-b.md",
                        "01-s/02-b.challenges/x/tests.py",
                        "01-s/01-b.md",
                        "01-s/01-b.challenges/x/tests.py");
        assertThat(change.get("01-s/01-a.md")).isNull();
        assertThat(new String(change.get("01-s/02-a.quiz.yaml"), StandardCharsets.UTF_8))
                .isEqualTo("quiz of a");
        assertThatThrownBy(() -> Restructuring.orderChapters(course, section, java.util.List.of("a", "a")))
                .isInstanceOf(InvalidCourse.class);
    }

    @Test
    void aChapterMovedToAnotherSectionTakesItsQuizAndChallengesAndBothSectionsAreNumberedAgain() {
        CourseFiles course = files(
                "course.md", "---\ntitle: C\n---\n",
                "01-s/section.md", "---\ntitle: S\n---\n",
                "01-s/01-a.md", "---\ntitle: A\n---\n",
                "01-s/02-b.md", "---\ntitle: B\n---\n",
                "01-s/02-b.quiz.yaml", "quiz of b",
                "01-s/02-b.challenges/x/tests.py", "tests of b",
                "01-s/03-c.md", "---\ntitle: C\n---\n",
                "02-t/section.md", "---\ntitle: T\n---\n",
                "02-t/01-d.md", "---\ntitle: D\n---\n");
        StudioOutline outline = StudioOutline.of(course);
        var b = outline.chapter("s", "b").orElseThrow();
        var change = Restructuring.moveChapter(course, outline, b, "t", 1);
        assertThat(change)
                .containsOnlyKeys(
                        "01-s/02-b.md",
                        "01-s/02-b.quiz.yaml",
                        "01-s/02-b.challenges/x/tests.py",
                        "02-t/01-b.md",
                        "02-t/01-b.quiz.yaml",
                        "02-t/01-b.challenges/x/tests.py",
                        "01-s/03-c.md",
                        "01-s/02-c.md",
                        "02-t/01-d.md",
                        "02-t/02-d.md");
        assertThat(change.get("01-s/02-b.quiz.yaml")).isNull();
        assertThat(new String(change.get("02-t/01-b.challenges/x/tests.py"), StandardCharsets.UTF_8))
                .isEqualTo("tests of b");
        assertThat(change.get("01-s/03-c.md")).isNull();
        assertThat(new String(change.get("01-s/02-c.md"), StandardCharsets.UTF_8))
                .contains("title: C");

        assertThat(Restructuring.moveChapter(course, outline, b, "t", 99))
                .as("past the end is the end")
                .containsKeys("02-t/02-b.md")
                .doesNotContainKey("02-t/02-d.md");
        assertThat(Restructuring.moveChapter(course, outline, b, "s", 1))
                .as("within its own section it is a reorder")
                .containsKeys("01-s/01-b.md", "01-s/02-a.md");
        CourseFiles clash =
                course.with("02-t/02-b.md", "---\ntitle: Another B\n---\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Restructuring.moveChapter(clash, StudioOutline.of(clash), b, "t", 1))
                .isInstanceOfSatisfying(
                        InvalidCourse.class,
                        e -> assertThat(e.messageKey()).isEqualTo("studio.structure.slugTakenThere"));
        assertThatThrownBy(() -> Restructuring.moveChapter(course, outline, b, "nowhere", 1))
                .isInstanceOf(InvalidCourse.class);
        assertThat(Restructuring.placed(java.util.List.of("a", "b", "c"), "c", 1))
                .containsExactly("c", "a", "b");
        assertThat(Restructuring.placed(java.util.List.of("a", "b", "c"), "a", 7))
                .containsExactly("b", "c", "a");
    }

    @Test
    void frontMatterEditsTouchOneLineAndLeaveTheRestAsWritten() {
        String text = "---\ntitle: Old  # a comment\nsummary: s\n---\nBody\n\n---\nnot front matter\n";
        assertThat(FrontMatterLines.set(text, "title", "\"New\""))
                .isEqualTo("---\ntitle: \"New\"\nsummary: s\n---\nBody\n\n---\nnot front matter\n");
        assertThat(FrontMatterLines.set(text, "free", "true"))
                .startsWith("---\ntitle: Old  # a comment\nsummary: s\nfree: true\n---\n");
        assertThat(FrontMatterLines.set(FrontMatterLines.set(text, "free", "true"), "free", null))
                .isEqualTo(text);
        assertThatThrownBy(() -> FrontMatterLines.set("no front matter", "title", "x"))
                .isInstanceOf(InvalidCourse.class);
    }
}
