package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.nio.file.Path;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.db.Database;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

/** Migrations plus import, against a fresh H2 and a fresh PostgreSQL schema. */
class ContentImportIntegrationTest {
    @TempDir
    Path dataDir;

    @TempDir
    Path content;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private Database database;
    private ContentLoader loader;

    private DSLContext open(TestDatabase kind) {
        database = databases.open(kind, dataDir);
        loader = new ContentLoader(new ContentImporter(database.dsl()), new Catalog(database.dsl()));
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        return database.dsl();
    }

    private Path course(String relative) {
        return content.resolve("sample-course").resolve(relative);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void importStoresTheWholeCourse(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        assertThat(db.fetchCount(COURSE)).isEqualTo(1);
        assertThat(db.fetchCount(CHAPTER)).isEqualTo(3);
        assertThat(db.fetchCount(QUESTION)).isEqualTo(4);
        assertThat(db.fetchCount(QUESTION_OPTION)).isEqualTo(5);
        assertThat(db.select(CHAPTER.TITLE).from(CHAPTER).orderBy(CHAPTER.ID).fetch(CHAPTER.TITLE))
                .containsExactly("First steps", "Threads and tables", "The third chapter");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reimportingKeepsEveryIdAndChangesNothingWhenFilesAreTheSame(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        var questionIds =
                db.select(QUESTION.ID).from(QUESTION).orderBy(QUESTION.ID).fetch(QUESTION.ID);
        var updatedAt =
                db.select(CHAPTER.UPDATED_AT).from(CHAPTER).orderBy(CHAPTER.ID).fetch(CHAPTER.UPDATED_AT);
        loader.importAll(content);
        assertThat(db.select(QUESTION.ID).from(QUESTION).orderBy(QUESTION.ID).fetch(QUESTION.ID))
                .isEqualTo(questionIds);
        assertThat(db.select(CHAPTER.UPDATED_AT)
                        .from(CHAPTER)
                        .orderBy(CHAPTER.ID)
                        .fetch(CHAPTER.UPDATED_AT))
                .isEqualTo(updatedAt);
        assertThat(loader.importChanged(content).lines())
                .as("nothing changed on disk")
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anEditedQuestionKeepsItsIdAndARemovedOneIsRetiredNotDeleted(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        long singleId = db.select(QUESTION.ID)
                .from(QUESTION)
                .where(QUESTION.QUESTION_KEY.eq("pick-processes"))
                .fetchOne(QUESTION.ID);
        TestFiles.write(course("01-basics/02-second.quiz.yaml"), """
                questions:
                  - id: pick-processes
                    kind: single
                    prompt: Reworded prompt
                    options:
                      - id: cpu
                        text: CPU-bound work
                        correct: true
                        explanation: Parallel.
                      - id: io
                        text: I/O
                        explanation: Threads suffice.
                """);
        assertThat(loader.importChanged(content).lines()).hasSize(1);
        var edited = db.selectFrom(QUESTION).where(QUESTION.ID.eq(singleId)).fetchOne();
        assertThat(edited.getPromptMd()).isEqualTo("Reworded prompt");
        assertThat(edited.getRetiredAt()).isNull();
        var removed = db.selectFrom(QUESTION)
                .where(QUESTION.QUESTION_KEY.eq("what-prints"))
                .fetchOne();
        assertThat(removed).as("a question that left the files is kept").isNotNull();
        assertThat(removed.getRetiredAt()).isNotNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMalformedFileChangesNothingAtAll(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        TestFiles.write(course("01-basics/01-first.md"), "---\ntitle: Renamed first\n---\nNew body.\n");
        TestFiles.write(course("02-more/01-third.md"), "---\ntitle: [broken\n---\n");
        assertThatThrownBy(() -> loader.importAll(content))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("02-more/01-third.md:3: invalid YAML");
        assertThat(db.select(CHAPTER.TITLE)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("first"))
                        .fetchOne(CHAPTER.TITLE))
                .isEqualTo("First steps");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChapterRemovedFromTheFilesDisappearsFromTheOutlineButStaysStored(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        course("02-more/01-third.md").toFile().delete();
        TestFiles.write(course("02-more/01-fourth.md"), "---\ntitle: Fourth\n---\nBody.\n");
        TestFiles.write(course("01-basics/02-second.md"), "---\ntitle: Threads and tables\n---\nNo links now.\n");
        loader.importAll(content);
        assertThat(db.fetchCount(CHAPTER)).isEqualTo(4);
        CourseOutline outline = new Catalog(db).outline("sample-course").orElseThrow();
        assertThat(outline.sections().get(1).chapters())
                .extracting(CourseOutline.ChapterEntry::slug)
                .containsExactly("fourth");
    }

    /** Moves a chapter's text, quiz and challenges to another section's folder, as the studio does. */
    private void moveChapterFiles(String from, String to) {
        try (var walk = java.nio.file.Files.walk(content.resolve("sample-course"))) {
            for (Path file : walk.filter(java.nio.file.Files::isRegularFile).toList()) {
                String path = content.resolve("sample-course").relativize(file).toString();
                if (path.startsWith(from + ".")) {
                    Path target = course(to + path.substring(from.length()));
                    java.nio.file.Files.createDirectories(target.getParent());
                    java.nio.file.Files.move(file, target);
                }
            }
            TestFiles.deleteTree(course(from + ".challenges"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.List<Long> liveQuestions(DSLContext db, long chapter) {
        return db.select(QUESTION.ID)
                .from(QUESTION)
                .where(QUESTION.CHAPTER_ID.eq(chapter).and(QUESTION.RETIRED_AT.isNull()))
                .orderBy(QUESTION.ID)
                .fetch(QUESTION.ID);
    }

    private static boolean retired(DSLContext db, long chapter) {
        return db.fetchExists(CHAPTER, CHAPTER.ID.eq(chapter).and(CHAPTER.RETIRED_AT.isNotNull()));
    }

    private static long chapterOf(DSLContext db, String section, String chapter) {
        return db.select(CHAPTER.ID)
                .from(CHAPTER)
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(SECTION.SLUG.eq(section).and(CHAPTER.SLUG.eq(chapter)))
                .fetchOne(CHAPTER.ID);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChapterMovedToAnotherSectionKeepsItsRowItsQuestionsAndTheirIds(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        long second = chapterOf(db, "basics", "second");
        var questions = liveQuestions(db, second);
        assertThat(questions).hasSize(4);
        moveChapterFiles("01-basics/02-second", "02-more/02-second");
        TestFiles.write(
                course("01-basics/01-first.md"),
                "---\ntitle: First steps\n---\nOn to [the second](../02-more/02-second.md#a-table).\n");
        loader.importAll(content);
        assertThat(chapterOf(db, "more", "second")).isEqualTo(second);
        assertThat(retired(db, second)).isFalse();
        assertThat(liveQuestions(db, second)).isEqualTo(questions);
        assertThat(db.fetchCount(CHAPTER)).as("no new chapter row").isEqualTo(3);
        CourseOutline outline = new Catalog(db).outline("sample-course").orElseThrow();
        assertThat(outline.sections().get(1).chapters())
                .extracting(CourseOutline.ChapterEntry::slug)
                .containsExactly("third", "second");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChapterMovedWhereADeletedOneOfTheSameSlugLiesTakesThePlaceAndTheDeletedOneStaysRetired(TestDatabase kind) {
        DSLContext db = open(kind);
        loader.importAll(content);
        long deleted = chapterOf(db, "more", "third");
        course("02-more/01-third.md").toFile().delete();
        TestFiles.write(course("02-more/01-fourth.md"), "---\ntitle: Fourth\n---\nBody.\n");
        TestFiles.write(course("01-basics/02-second.md"), "---\ntitle: Threads and tables\n---\nNo links now.\n");
        loader.importAll(content);
        TestFiles.write(course("01-basics/03-third.md"), "---\ntitle: A new third\n---\nBody.\n");
        loader.importAll(content);
        long moving = chapterOf(db, "basics", "third");
        assertThat(moving).isNotEqualTo(deleted);

        moveChapterFiles("01-basics/03-third", "02-more/02-third");
        loader.importAll(content);
        assertThat(chapterOf(db, "more", "third")).isEqualTo(moving);
        assertThat(chapterOf(db, "basics", "third")).isEqualTo(deleted);
        assertThat(retired(db, deleted)).isTrue();
        assertThat(retired(db, moving)).isFalse();
    }
}
