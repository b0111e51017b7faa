package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;

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
}
