package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.content.CourseSource.SectionSource;

/**
 * What the shipped course in content/ promises, checked from its files: reading them proves the format, links and
 * images; these tests check its shape. Running its code in the sandbox is the job of the verification suite.
 */
class CourseContentTest {
    private static final Path CONTENT = Path.of("content");
    private final CourseFolderReader reader = new CourseFolderReader(CONTENT);
    private final List<CourseSource> courses =
            reader.courseFolders().stream().map(reader::read).toList();
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    private CourseSource concurrency() {
        return courses.stream()
                .filter(c -> c.slug().equals("python-concurrency"))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theConcurrencyCourseHasFourSectionsAndAtLeastFourteenChapters() {
        CourseSource course = concurrency();
        assertThat(course.sections()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(course.sections().stream().mapToInt(s -> s.chapters().size()).sum())
                .isGreaterThanOrEqualTo(14);
        ChapterSource s1c2 = course.sections().get(0).chapters().get(1);
        assertThat(s1c2.title()).isEqualTo("Threads vs. Processes in Python");
    }

    @Test
    void sectionOneChapterTwoHasTheSummaryTableTheExampleAndTheScenarioQuestion() {
        ChapterSource s1c2 = concurrency().sections().get(0).chapters().get(1);
        String body = s1c2.bodyMd();
        for (String row : List.of("Memory", "GIL", "overhead", "Communication", "Crash isolation", "Best for")) {
            assertThat(body).containsIgnoringCase("| " + row);
        }
        assertThat(body).contains("```python run", "threading.Thread", "multiprocessing.Process", "time.sleep(1)");
        assertThat(s1c2.questions()).anySatisfy(q -> {
            assertThat(q.kind()).isEqualTo(QuestionKind.SINGLE);
            assertThat(q.promptMd()).containsIgnoringCase("process");
        });
    }

    @Test
    void everyChapterHasRunnableCodeAQuizOfThreeAndReadableLength() {
        for (SectionSource section : concurrency().sections()) {
            for (ChapterSource chapter : section.chapters()) {
                String where = section.slug() + "/" + chapter.slug();
                RenderedMarkdown rendered = markdown.render(chapter.bodyMd(), MarkdownRenderer.Place.NOWHERE);
                assertThat(rendered.runnableBlocks())
                        .as("runnable snippets in %s", where)
                        .isPositive();
                assertThat(chapter.questions()).as("questions in %s", where).hasSizeGreaterThanOrEqualTo(3);
                assertThat(rendered.wordCount()).as("words in %s", where).isBetween(450, 1600);
            }
        }
    }

    @Test
    void everyQuestionKindIsUsedAndEveryOptionIsExplained() {
        Set<QuestionKind> kinds = EnumSet.noneOf(QuestionKind.class);
        for (SectionSource section : concurrency().sections()) {
            for (ChapterSource chapter : section.chapters()) {
                for (QuestionSource q : chapter.questions()) {
                    kinds.add(q.kind());
                    q.options()
                            .forEach(o -> assertThat(o.explanationMd())
                                    .as("%s/%s", q.key(), o.key())
                                    .isNotBlank());
                    if (q.kind() == QuestionKind.SINGLE) {
                        assertThat(q.options().stream().filter(CourseSource.OptionSource::correct))
                                .hasSize(1);
                    }
                }
            }
        }
        assertThat(kinds).containsExactlyInAnyOrder(QuestionKind.values());
    }

    @Test
    void thereAreAtLeastSixChallengesEachWithTestsAndASolution() {
        var challenges = concurrency().sections().stream()
                .flatMap(s -> s.chapters().stream())
                .flatMap(c -> c.challenges().stream())
                .toList();
        assertThat(challenges).hasSizeGreaterThanOrEqualTo(6);
        challenges.forEach(c -> assertThat(c.testCode()).as(c.key()).contains("def test_"));
    }

    @Test
    void everyDiagramHasATitleAndNoScript() throws Exception {
        for (var asset : concurrency().assets()) {
            if (asset.mediaType().equals("image/svg+xml")) {
                String svg = new String(asset.content(), java.nio.charset.StandardCharsets.UTF_8);
                assertThat(svg).as(asset.path()).contains("<title").doesNotContain("<script", "href=\"http");
            }
        }
    }
}
