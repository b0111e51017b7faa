package org.lectern.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.content.Catalog;
import org.lectern.content.ContentException;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseFiles;
import org.lectern.db.Database;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;

/** Drafts, publishing and the revision log against a fresh H2 and a fresh PostgreSQL schema. */
class StudioDatabaseIntegrationTest {
    private static final String SLUG = "sample-course";
    private static final String FIRST = "01-basics/01-first.md";
    private static final String THIRD = "02-more/01-third.md";

    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private Database database;
    private Drafts drafts;
    private Publisher publisher;
    private RevisionRepository revisions;
    private Catalog catalog;

    private DSLContext open(TestDatabase kind) {
        database = databases.open(kind, dataDir);
        catalog = new Catalog(database.dsl());
        ContentLoader loader = new ContentLoader(new ContentImporter(database.dsl()), catalog);
        loader.importAll(TestServer.FIXTURE_CONTENT);
        drafts = new Drafts(database.dsl());
        // These publishes change no challenge, so nothing may ask for one to be verified.
        publisher = new Publisher(loader, drafts, new AnswerChanges(database.dsl()), new ChallengeGate((author, c) -> {
            throw new AssertionError("no challenge changed, yet " + c.key() + " was verified");
        }));
        revisions = new RevisionRepository(database.dsl());
        return database.dsl();
    }

    private long save(String path, String text, String base) {
        return drafts.save(SLUG, Map.of(path, utf8(text)), Map.of(path, base), RevisionKind.SAVE, "edit", null);
    }

    private String sha(String path) {
        return Drafts.sha(drafts.current(SLUG).bytes(path).orElseThrow());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDraftLeavesThePublishedCopyAloneUntilItsChapterIsPublished(TestDatabase kind) {
        DSLContext db = open(kind);
        assertThat(drafts.state(SLUG)).isEqualTo(Drafts.State.PUBLISHED);
        save(FIRST, "---\ntitle: First, edited\n---\nNew.\n", sha(FIRST));
        save(THIRD, "---\ntitle: Third, edited\n---\nNew.\n", sha(THIRD));
        assertThat(drafts.state(SLUG)).isEqualTo(Drafts.State.CHANGED);
        assertThat(drafts.published(SLUG).text(FIRST))
                .hasValueSatisfying(t -> assertThat(t).contains("First steps"));
        long chapterId = db.select(CHAPTER.ID)
                .from(CHAPTER)
                .where(CHAPTER.SLUG.eq("first"))
                .fetchOne(CHAPTER.ID);
        long version = catalog.version();

        publisher.publishChapter(
                SLUG,
                StudioOutline.of(drafts.current(SLUG))
                        .chapter("basics", "first")
                        .orElseThrow(),
                null,
                Publisher.Regrade.ASK);

        assertThat(catalog.version()).isGreaterThan(version);
        assertThat(db.select(CHAPTER.TITLE, CHAPTER.ID)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("first"))
                        .fetchOne())
                .as("the same chapter row, so learners' work stays attached")
                .satisfies(r -> {
                    assertThat(r.value1()).isEqualTo("First, edited");
                    assertThat(r.value2()).isEqualTo(chapterId);
                });
        assertThat(db.select(CHAPTER.TITLE)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("third"))
                        .fetchOne(CHAPTER.TITLE))
                .as("the other chapter's draft is not published")
                .isEqualTo("The third chapter");
        assertThat(drafts.state(SLUG)).isEqualTo(Drafts.State.CHANGED);

        publisher.publishCourse(SLUG, null, Publisher.Regrade.ASK);
        assertThat(drafts.state(SLUG)).isEqualTo(Drafts.State.PUBLISHED);
        assertThat(db.select(CHAPTER.TITLE)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("third"))
                        .fetchOne(CHAPTER.TITLE))
                .isEqualTo("Third, edited");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSaveOnAStaleBaseIsRefusedAndChangesNothing(TestDatabase kind) {
        open(kind);
        String base = sha(FIRST);
        save(FIRST, "---\ntitle: A\n---\nAnn's.\n", base);
        int before = revisions.list(SLUG, 100).size();
        assertThatThrownBy(() -> save(FIRST, "---\ntitle: B\n---\nBob's.\n", base))
                .isInstanceOfSatisfying(Conflict.class, c -> {
                    assertThat(c.path()).isEqualTo(FIRST);
                    assertThat(c.theirs()).contains("Ann's.");
                    assertThat(c.theirSha()).isEqualTo(sha(FIRST));
                });
        assertThat(drafts.current(SLUG).text(FIRST))
                .hasValueSatisfying(t -> assertThat(t).contains("Ann's."));
        assertThat(revisions.list(SLUG, 100)).hasSize(before);
        assertThatThrownBy(() -> save("01-basics/09-new.md", "---\ntitle: N\n---\n", "0123"))
                .as("a file that does not exist has the empty base")
                .isInstanceOf(Conflict.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void revisionsKeepEachSavedFileAndRestoringOneIsARevisionToo(TestDatabase kind) {
        open(kind);
        long first = save(FIRST, "---\ntitle: One\n---\nOne.\n", sha(FIRST));
        save(FIRST, "---\ntitle: Two\n---\nTwo.\n", sha(FIRST));
        Map<String, byte[]> removal = new LinkedHashMap<>();
        removal.put(THIRD, null);
        drafts.save(SLUG, removal, Map.of(), RevisionKind.SAVE, "remove the third", null);
        assertThat(drafts.current(SLUG).contains(THIRD)).isFalse();

        assertThat(new String(revisions.files(first).get(FIRST), StandardCharsets.UTF_8))
                .contains("One.");
        var log = revisions.list(SLUG, 100);
        assertThat(log.get(0).message()).isEqualTo("remove the third");
        assertThat(log.get(0).paths()).containsExactly(THIRD);
        assertThat(revisions.files(log.get(0).id())).containsEntry(THIRD, null);

        drafts.save(
                SLUG, new LinkedHashMap<>(revisions.files(first)), Map.of(), RevisionKind.RESTORE, "#" + first, null);
        assertThat(drafts.current(SLUG).text(FIRST))
                .hasValueSatisfying(t -> assertThat(t).contains("One."));
        assertThat(revisions.list(SLUG, 1).get(0).kind()).isEqualTo("restore");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCourseThatDoesNotValidateIsNotPublishedAtAll(TestDatabase kind) {
        DSLContext db = open(kind);
        save(FIRST, "---\ntitle: Renamed\n---\nFine.\n", sha(FIRST));
        save(THIRD, "---\nsummary: no title\n---\nBroken.\n", sha(THIRD));
        int revisionsBefore = revisions.list(SLUG, 100).size();
        assertThatThrownBy(() -> publisher.publishCourse(SLUG, null, Publisher.Regrade.ASK))
                .isInstanceOf(ContentException.class)
                .hasMessageContaining("sample-course/02-more/01-third.md")
                .hasMessageContaining("title");
        assertThat(db.select(CHAPTER.TITLE)
                        .from(CHAPTER)
                        .where(CHAPTER.SLUG.eq("first"))
                        .fetchOne(CHAPTER.TITLE))
                .isEqualTo("First steps");
        assertThat(revisions.list(SLUG, 100)).as("no publish revision").hasSize(revisionsBefore);
        assertThat(drafts.published(SLUG)).isEqualTo(CourseFiles.readFolder(TestServer.FIXTURE_CONTENT.resolve(SLUG)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void learnersWorkIsCountedPerChapterAndSection(TestDatabase kind) {
        DSLContext db = open(kind);
        LearnerWork work = new LearnerWork(db);
        assertThat(work.inChapter(SLUG, "basics", "second").any()).isFalse();
        long question = db.select(QUESTION.ID)
                .from(QUESTION)
                .where(QUESTION.QUESTION_KEY.eq("pick-processes"))
                .fetchOne(QUESTION.ID);
        for (String email : java.util.List.of("a@example.org", "b@example.org")) {
            long user = db.insertInto(APP_USER)
                    .set(APP_USER.EMAIL, email)
                    .set(APP_USER.DISPLAY_NAME, email)
                    .set(APP_USER.PASSWORD_HASH, "x")
                    .returning(APP_USER.ID)
                    .fetchOne(APP_USER.ID);
            for (int no = 1; no <= 2; no++) {
                db.insertInto(QUESTION_ATTEMPT)
                        .set(QUESTION_ATTEMPT.USER_ID, user)
                        .set(QUESTION_ATTEMPT.QUESTION_ID, question)
                        .set(QUESTION_ATTEMPT.ATTEMPT_NO, no)
                        .set(QUESTION_ATTEMPT.CORRECT, false)
                        .set(QUESTION_ATTEMPT.FRACTION, 0.0)
                        .execute();
            }
        }
        assertThat(work.inChapter(SLUG, "basics", "second")).isEqualTo(new LearnerWork.Count(4, 2));
        assertThat(work.inSection(SLUG, "basics")).isEqualTo(new LearnerWork.Count(4, 2));
        assertThat(work.inChapter(SLUG, "basics", "first")).isEqualTo(new LearnerWork.Count(0, 0));
        assertThat(work.inSection(SLUG, "more").any()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChangedAnswerKeyAsksFirstThenRegradesTheStoredAttempts(TestDatabase kind) {
        DSLContext db = open(kind);
        long question = db.select(QUESTION.ID)
                .from(QUESTION)
                .where(QUESTION.QUESTION_KEY.eq("what-prints"))
                .fetchOne(QUESTION.ID);
        long user = db.insertInto(APP_USER)
                .set(APP_USER.EMAIL, "r@example.org")
                .set(APP_USER.DISPLAY_NAME, "R")
                .set(APP_USER.PASSWORD_HASH, "x")
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
        int no = 0;
        for (String given : java.util.List.of("2", "3  ")) {
            db.insertInto(QUESTION_ATTEMPT)
                    .set(QUESTION_ATTEMPT.USER_ID, user)
                    .set(QUESTION_ATTEMPT.QUESTION_ID, question)
                    .set(QUESTION_ATTEMPT.ATTEMPT_NO, ++no)
                    .set(QUESTION_ATTEMPT.ANSWER_TEXT, given)
                    .set(QUESTION_ATTEMPT.CORRECT, given.equals("2"))
                    .set(QUESTION_ATTEMPT.FRACTION, given.equals("2") ? 1.0 : 0.0)
                    .execute();
        }
        String quiz = "01-basics/02-second.quiz.yaml";
        String text = drafts.current(SLUG).text(quiz).orElseThrow();
        save(quiz, text.replace("print(1 + 1)\n    answer: \"2\"", "print(1 + 2)\n    answer: \"3\""), sha(quiz));

        assertThatThrownBy(() -> publisher.publishCourse(SLUG, null, Publisher.Regrade.ASK))
                .isInstanceOfSatisfying(
                        RegradeDecision.class,
                        d -> assertThat(d.questions())
                                .extracting(AnswerChanges.Changed::key, AnswerChanges.Changed::attempts)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple("what-prints", 2)));
        publisher.publishCourse(SLUG, null, Publisher.Regrade.YES);
        assertThat(db.select(QUESTION_ATTEMPT.CORRECT)
                        .from(QUESTION_ATTEMPT)
                        .orderBy(QUESTION_ATTEMPT.ATTEMPT_NO)
                        .fetch(QUESTION_ATTEMPT.CORRECT))
                .containsExactly(false, true);
        assertThat(revisions.list(SLUG, 1).get(0).kind()).isEqualTo("regrade");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
