package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lectern.config.Config;
import org.lectern.db.Database;
import org.lectern.testing.DatabaseDigest;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

/**
 * A corpus of broken content folders, each imported over a good course: every one is refused with a
 * {@link ContentException} that names the file, and the course already imported stays exactly as it was.
 */
class MalformedContentTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path content;

    private Database database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    static Stream<Arguments> corpus() {
        return Stream.of(
                broken(
                        "broken YAML in the course's front matter",
                        "course.md",
                        c -> write(c, "course.md", "---\ntitle: [oops\n---\nText.\n")),
                broken(
                        "front matter that never closes",
                        "01-first.md",
                        c -> write(
                                c,
                                "01-basics/01-first.md",
                                "---\ntitle: First steps\nText without the closing line.\n")),
                broken(
                        "broken YAML in a quiz",
                        "02-second.quiz.yaml",
                        c -> write(
                                c,
                                "01-basics/02-second.quiz.yaml",
                                "questions:\n  - id: x\n    prompt: \"unterminated\n")),
                broken(
                        "a quiz that is a list",
                        "02-second.quiz.yaml",
                        c -> write(c, "01-basics/02-second.quiz.yaml", "- a\n- b\n")),
                broken(
                        "a quiz whose questions are a number",
                        "02-second.quiz.yaml",
                        c -> write(c, "01-basics/02-second.quiz.yaml", "questions: 7\n")),
                broken(
                        "a YAML alias bomb",
                        "02-second.quiz.yaml",
                        c -> write(c, "01-basics/02-second.quiz.yaml", aliasBomb())),
                broken(
                        "YAML nested 10,000 deep",
                        "02-second.quiz.yaml",
                        c -> write(c, "01-basics/02-second.quiz.yaml", "questions: " + "[".repeat(10_000))),
                broken("no course.md", "course.md", c -> delete(c, "course.md")),
                broken("no section.md", "section.md", c -> delete(c, "01-basics/section.md")),
                broken("an empty chapter file", "01-first.md", c -> write(c, "01-basics/01-first.md", "")),
                broken(
                        "two chapters with one slug",
                        "first",
                        c -> write(c, "01-basics/03-first.md", "---\ntitle: First again\n---\nText.\n")),
                broken(
                        "two sections with one slug",
                        "basics",
                        c -> TestFiles.copyTree(c.resolve("01-basics"), c.resolve("03-basics"))),
                broken(
                        "a 2 MB chapter",
                        "01-first.md",
                        c -> write(c, "01-basics/01-first.md", "---\ntitle: Huge\n---\n" + "word ".repeat(400_000))),
                broken("a 3 MB image", "big.svg", c -> write(c, "images/big.svg", "<svg>" + " ".repeat(3_000_000))),
                broken(
                        "bytes that are not UTF-8",
                        "01-first.md",
                        c -> writeBytes(
                                c, "01-basics/01-first.md", new byte[] {'-', '-', '-', '\n', (byte) 0xff, (byte) 0xfe, 0
                                })));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aBrokenFolderIsRefusedWithItsFileNamedAndTheCourseStaysAsItWas(
            String problem, String named, Consumer<Path> breakIt) {
        DSLContext db = open();
        ContentLoader loader = new ContentLoader(new ContentImporter(db), new Catalog(db));
        loader.importAll(content);
        Map<String, String> before = DatabaseDigest.of(db, Set.of());

        breakIt.accept(content.resolve("sample-course"));
        Throwable refused = catchThrowable(() -> loader.importAll(content));

        assertThat(refused).as(problem).isInstanceOf(ContentException.class);
        assertThat(refused.getMessage()).as("the message of " + problem).contains(named);
        assertThat(DatabaseDigest.changed(before, DatabaseDigest.of(db, Set.of())))
                .as("tables changed by the refused import")
                .isEmpty();
    }

    private DSLContext open() {
        TestDatabase.Handle handle = TestDatabase.H2.create(dataDir);
        database = Database.open(
                handle.config(),
                Config.fromMap(Map.of("LECTERN_DATA_DIR", dataDir.toString())).server());
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        return database.dsl();
    }

    private static Arguments broken(String problem, String named, Consumer<Path> breakIt) {
        return Arguments.of(problem, named, breakIt);
    }

    private static void write(Path course, String file, String text) {
        TestFiles.write(course.resolve(file), text);
    }

    private static void writeBytes(Path course, String file, byte[] bytes) {
        try {
            Files.write(course.resolve(file), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path course, String file) {
        try {
            Files.delete(course.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String aliasBomb() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ",").append("*a").append(i - 1);
            }
            yaml.append("]\n");
        }
        return yaml.append("questions: *a9\n").toString();
    }
}
