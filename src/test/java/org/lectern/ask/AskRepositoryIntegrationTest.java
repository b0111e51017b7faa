package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.CHAPTER;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.content.Catalog;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.db.Database;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;

/** The passages read for the index, the questions kept and the model's daily use, on H2 and on PostgreSQL. */
class AskRepositoryIntegrationTest {
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private Database database;

    private DSLContext open(TestDatabase kind) {
        database = databases.open(kind, dataDir);
        new ContentLoader(new ContentImporter(database.dsl()), new Catalog(database.dsl()))
                .importAll(TestServer.FIXTURE_CONTENT);
        return database.dsl();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void passagesCoverParagraphsCodeAndQuizExplanationsWithTheirPlace(TestDatabase kind) {
        DSLContext dsl = open(kind);
        List<Passage> passages = new PassageRepository(dsl, new Catalog(dsl)).all();
        assertThat(passages)
                .extracting(Passage::kind)
                .contains(Passage.Kind.TEXT, Passage.Kind.CODE, Passage.Kind.QUIZ);
        Passage quiz = passages.stream()
                .filter(p -> p.kind() == Passage.Kind.QUIZ)
                .findFirst()
                .orElseThrow();
        assertThat(quiz.anchor()).startsWith("q-");
        // a question carries its options' explanations, in the options' order
        assertThat(quiz.text().lines().count()).isGreaterThan(2);
        assertThat(passages)
                .filteredOn(p -> p.kind() == Passage.Kind.TEXT && !p.anchor().isEmpty())
                .allSatisfy(p -> assertThat(p.href())
                        .startsWith("/courses/sample-course/")
                        .contains("#"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMostAskedQuestionsComeFirstPerChapterAndDailyUseAddsUp(TestDatabase kind) {
        DSLContext dsl = open(kind);
        List<Long> chapters =
                dsl.select(CHAPTER.ID).from(CHAPTER).orderBy(CHAPTER.ID).fetch(CHAPTER.ID);
        AskRepository repository = new AskRepository(dsl);
        for (String q : List.of("Why join?", "why JOIN", "What is a lock?", "Why join ?", "What is a lock")) {
            repository.saveQuestion(chapters.get(0), q, false, NOW);
        }
        repository.saveQuestion(chapters.get(1), "Where is the queue?", true, NOW);
        assertThat(repository.mostAsked(1))
                .containsExactly(
                        new AskRepository.AskedQuestion(chapters.get(0), "why join", 3),
                        new AskRepository.AskedQuestion(chapters.get(1), "where is the queue", 1));
        assertThat(repository.mostAsked(5)).hasSize(3);

        long ann = user(dsl, "ann@example.org");
        long bob = user(dsl, "bob@example.org");
        LocalDate today = NOW.toLocalDate();
        repository.addUsage(ann, today, 100, false);
        repository.addUsage(ann, today, 50, false);
        repository.addUsage(ann, today, 0, true);
        repository.addUsage(bob, today, 30, false);
        repository.addUsage(ann, today.minusDays(1), 7, false);
        assertThat(repository.tokensUsed(ann, today)).isEqualTo(150);
        assertThat(repository.tokensUsed(bob, today.plusDays(1))).isZero();
        assertThat(repository.usageSince(today.minusDays(13)))
                .containsExactly(
                        new AskRepository.DailyUsage(today, 2, 3, 180, 1),
                        new AskRepository.DailyUsage(today.minusDays(1), 1, 1, 7, 0));
    }

    private static long user(DSLContext dsl, String email) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, email)
                .set(APP_USER.PASSWORD_HASH, "x")
                .set(APP_USER.ROLE, "learner")
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }
}
