package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.content.CourseSource.ChapterSource;
import org.lectern.content.CourseSource.QuestionSource;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

class CourseFolderReaderTest {
    @TempDir
    Path content;

    private CourseSource readFixture() {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        return read();
    }

    private CourseSource read() {
        return new CourseFolderReader(content).read(content.resolve("sample-course"));
    }

    private Path course(String relative) {
        return content.resolve("sample-course").resolve(relative);
    }

    @Test
    void readsCourseSectionsAndChaptersInTheOrderTheirNumbersGive() {
        CourseSource course = readFixture();
        assertThat(course.slug()).isEqualTo("sample-course");
        assertThat(course.title()).isEqualTo("Sample Course");
        assertThat(course.freeSections()).isEqualTo(1);
        assertThat(course.sections())
                .extracting(CourseSource.SectionSource::slug)
                .containsExactly("basics", "more");
        assertThat(course.sections().get(0).chapters())
                .extracting(ChapterSource::slug)
                .containsExactly("first", "second");
        assertThat(course.sections().get(0).chapters().get(1).title()).isEqualTo("Threads and tables");
        assertThat(course.assets()).extracting(CourseSource.AssetSource::path).containsExactly("images/diagram.svg");
    }

    @Test
    void readsQuizzesAndChallengesNextToTheirChapter() {
        ChapterSource second = readFixture().sections().get(0).chapters().get(1);
        assertThat(second.questions())
                .extracting(QuestionSource::key)
                .containsExactly("pick-processes", "what-prints", "pick-all", "order-it");
        QuestionSource single = second.questions().get(0);
        assertThat(single.kind()).isEqualTo(QuestionKind.SINGLE);
        assertThat(single.options())
                .extracting(CourseSource.OptionSource::correct)
                .containsExactly(true, false);
        assertThat(single.options().get(1).explanationMd()).isEqualTo("Threads do as well there.");
        assertThat(second.challenges()).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo("add-numbers");
            assertThat(c.solutionCode()).contains("return a + b");
            assertThat(c.testCode()).contains("def test_adds");
        });
    }

    @Test
    void theContentHashChangesWhenAnyFileChanges() {
        String before = readFixture().contentHash();
        TestFiles.write(course("01-basics/01-first.md"), "---\ntitle: First steps\n---\nChanged.\n");
        assertThat(read().contentHash()).isNotEqualTo(before);
    }

    @Test
    void aSingleChoiceQuestionWithTwoCorrectOptionsNamesTheFileAndLine() {
        readFixture();
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), """
                questions:
                  - id: q1
                    kind: single
                    prompt: Pick one
                    options:
                      - id: a
                        text: A
                        correct: true
                        explanation: yes
                      - id: b
                        text: B
                        correct: true
                        explanation: also yes
                """);
        assertThatThrownBy(this::read)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("sample-course/01-basics/02-second.quiz.yaml:5:")
                .hasMessageContaining("exactly one correct option");
    }

    @Test
    void aTypoInAFieldNameIsReportedAtItsLine() {
        readFixture();
        TestFiles.write(course("01-basics/01-first.md"), "---\ntitle: First\nsumary: typo\n---\nBody\n");
        assertThatThrownBy(this::read)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("01-basics/01-first.md:3: unknown field 'sumary'");
    }

    @Test
    void brokenYamlIsReportedAtTheLineTheParserStopped() {
        readFixture();
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), "questions:\n  - id: a\n    prompt: [unclosed\n");
        assertThatThrownBy(this::read)
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("02-second.quiz.yaml:")
                .hasMessageContaining("invalid YAML");
    }

    @Test
    void aMissingTitleIsAnError() {
        readFixture();
        TestFiles.write(course("02-more/section.md"), "---\n---\n");
        assertThatThrownBy(this::read)
                .hasMessageContaining("02-more/section.md:")
                .hasMessageContaining("'title' is required");
    }

    @Test
    void aChapterWithoutFrontMatterIsAnError() {
        readFixture();
        TestFiles.write(course("02-more/01-third.md"), "# Just text\n");
        assertThatThrownBy(this::read).hasMessageContaining("02-more/01-third.md:1: must start with YAML front matter");
    }

    @Test
    void aLinkToAChapterThatDoesNotExistNamesItsLine() {
        readFixture();
        TestFiles.write(
                course("02-more/01-third.md"),
                "---\ntitle: Third\n---\n\nFine line.\n\nSee [gone](../01-basics/09-gone.md).\n");
        assertThatThrownBy(this::read)
                .hasMessageContaining("02-more/01-third.md:7: link target not found: ../01-basics/09-gone.md");
    }

    @Test
    void anImageWithoutAltTextIsAnError() {
        readFixture();
        TestFiles.write(course("02-more/01-third.md"), "---\ntitle: Third\n---\n![](../images/diagram.svg)\n");
        assertThatThrownBy(this::read)
                .hasMessageContaining("01-third.md:4: the image ../images/diagram.svg needs alt text");
    }

    @Test
    void twoQuestionsWithTheSameIdAreAnError() {
        readFixture();
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), """
                questions:
                  - id: same
                    kind: parsons
                    prompt: Order
                    lines: |
                      a = 1
                      b = 2
                      print(a + b)
                  - id: same
                    kind: output
                    prompt: Out
                    code: print(1)
                """);
        assertThatThrownBy(this::read).hasMessageContaining("02-second.quiz.yaml:9: two questions share the id 'same'");
    }

    @Test
    void aParsonsProblemNeedsThreeLines() {
        readFixture();
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), """
                questions:
                  - id: short
                    kind: parsons
                    prompt: Order
                    lines: |
                      a = 1
                      print(a)
                """);
        assertThatThrownBy(this::read).hasMessageContaining("a Parsons problem needs at least 3 lines");
    }

    @Test
    void parsonsLinesMayBeABlockOrAListAndKeepTheirIndentation() {
        readFixture();
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), """
                questions:
                  - id: as-list
                    kind: parsons
                    prompt: Order
                    lines:
                      - "def f():"
                      - "    return 1"
                      - "print(f())"
                  - id: as-block
                    kind: parsons
                    prompt: Order
                    lines: |
                      def f():
                          return 1
                      print(f())
                """);
        var questions = read().sections().get(0).chapters().get(1).questions();
        assertThat(questions)
                .extracting(QuestionSource::answer)
                .containsExactly("def f():\n    return 1\nprint(f())", "def f():\n    return 1\nprint(f())");
    }

    @Test
    void aQuizWithoutItsChapterIsAnError() {
        readFixture();
        TestFiles.write(course("02-more/07-missing.quiz.yaml"), "questions: []\n");
        assertThatThrownBy(this::read)
                .hasMessageContaining("02-more/07-missing.quiz.yaml: there is no chapter 07-missing.md");
    }

    @Test
    void aChallengeWithoutItsTestsIsAnError() {
        readFixture();
        course("01-basics/02-second.challenges/add-numbers/tests.py").toFile().delete();
        assertThatThrownBy(this::read).hasMessageContaining("add-numbers/tests.py: missing");
    }
}
