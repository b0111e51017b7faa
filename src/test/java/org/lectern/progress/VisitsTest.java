package org.lectern.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.content.Catalog;
import org.lectern.content.ContentImporter;
import org.lectern.content.ContentLoader;
import org.lectern.content.CourseOutline;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;
import org.lectern.testing.TestServer;
import org.lectern.testing.TestUsers;

/** Chapter visits, written behind the page in batches, on H2 and on PostgreSQL. */
class VisitsTest {
    private static final OffsetDateTime T1 = OffsetDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    private DSLContext dsl;
    private Catalog catalog;
    private CourseOutline course;

    private void open(TestDatabase kind) {
        dsl = databases.open(kind, dataDir).dsl();
        catalog = new Catalog(dsl);
        new ContentLoader(new ContentImporter(dsl), catalog).importAll(TestServer.FIXTURE_CONTENT);
        course = catalog.outline("sample-course").orElseThrow();
    }

    private long learner(String name) {
        return TestUsers.learner(dsl, name);
    }

    private List<Long> visitedChapters(long userId) {
        return dsl.select(CHAPTER_PROGRESS.CHAPTER_ID)
                .from(CHAPTER_PROGRESS)
                .where(CHAPTER_PROGRESS.USER_ID.eq(userId))
                .orderBy(CHAPTER_PROGRESS.CHAPTER_ID)
                .fetch(CHAPTER_PROGRESS.CHAPTER_ID);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theLearnersOwnProgressSeesEveryVisitTheyMade(TestDatabase kind) {
        open(kind);
        long userId = learner("reader");
        try (Progress progress = new Progress(dsl, catalog, new Ticking())) {
            List<CourseOutline.Located> chapters = course.chapters();
            for (CourseOutline.Located at : chapters) {
                progress.visit(userId, at);
            }
            CourseOutline.Located last = chapters.get(chapters.size() - 1);
            // the resume link comes from the last visit, which must be written by the time it is read
            assertThat(progress.of(userId, course).continuePath()).isEqualTo(last.path(course.slug()));
            assertThat(visitedChapters(userId))
                    .containsExactlyElementsOf(chapters.stream()
                            .map(at -> at.chapter().id())
                            .sorted()
                            .toList());
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aLearnersReadWritesTheirWaitingVisitsItselfAndClosingWritesTheRest(TestDatabase kind) throws Exception {
        open(kind);
        long reader = learner("reader");
        long other = learner("other");
        long first = course.chapters().get(0).chapter().id();
        long second = course.chapters().get(1).chapter().id();
        CountDownLatch busy = new CountDownLatch(1);
        ExecutorService writer = busyUntil(busy);
        VisitWriter visits = new VisitWriter(new ProgressRepository(dsl, () -> 0L), writer);
        try {
            visits.add(reader, first, T1);
            visits.add(reader, second, T1.plusSeconds(1));
            visits.add(other, first, T1.plusSeconds(2));
            assertThat(visitedChapters(reader)).as("nothing written yet").isEmpty();

            visits.awaitWritten(reader);
            assertThat(visitedChapters(reader)).containsExactly(first, second);
            visits.awaitWritten(reader);
            assertThat(visitedChapters(reader)).containsExactly(first, second);

            visits.add(other, second, T1.plusSeconds(3));
            visits.awaitWritten(learner("nobody"));
            assertThat(visitedChapters(other))
                    .as("the reader's wait wrote what was waiting then; a learner with nothing waiting writes nothing")
                    .containsExactly(first);
        } finally {
            busy.countDown();
            visits.close();
        }
        assertThat(visitedChapters(other)).containsExactly(first, second);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aChapterPagesProgressDoesNotWaitForVisitsButContinueDoes(TestDatabase kind) {
        open(kind);
        long userId = learner("reader");
        CourseOutline.Located first = course.chapters().get(0);
        CourseOutline.Located second = course.chapters().get(1);
        CountDownLatch busy = new CountDownLatch(1);
        ExecutorService writer = busyUntil(busy);
        try (Progress progress = new Progress(dsl, catalog, new Ticking(), writer)) {
            progress.markRead(userId, first);
            progress.visit(userId, second);

            CourseProgress onChapterPage = progress.completion(userId, course);
            assertThat(onChapterPage.completedChapters())
                    .containsExactly(first.chapter().id());
            assertThat(onChapterPage.continuePath()).isNull();
            assertThat(visitedChapters(userId))
                    .as("the visit still waits behind the busy writer")
                    .containsExactly(first.chapter().id());

            assertThat(progress.of(userId, course).continuePath())
                    .as("resumes at the chapter last visited, which is not complete")
                    .isEqualTo(second.path(course.slug()));
            assertThat(visitedChapters(userId))
                    .containsExactly(first.chapter().id(), second.chapter().id());
        } finally {
            busy.countDown();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aVisitWrittenLateNeverMovesAChaptersTimeBack(TestDatabase kind) {
        open(kind);
        long userId = learner("marker");
        long chapterId = course.chapters().get(0).chapter().id();
        ProgressRepository repository = new ProgressRepository(dsl, () -> 0L);
        // "mark as read" at T1 + 1 min, then a visit from T1 that waited in the batch
        repository.markRead(userId, chapterId, T1.plusMinutes(1));
        repository.visitAll(List.of(new VisitWriter.Visit(userId, chapterId, T1)));
        assertThat(visitedAt(userId)).isEqualTo(T1.plusMinutes(1));
        repository.visitAll(List.of(new VisitWriter.Visit(userId, chapterId, T1.plusMinutes(5))));
        assertThat(visitedAt(userId)).isEqualTo(T1.plusMinutes(5));
    }

    /** A writer whose one thread is kept busy until the latch opens, so nothing is written behind the page. */
    private static ExecutorService busyUntil(CountDownLatch busy) {
        ExecutorService writer = Executors.newSingleThreadExecutor();
        writer.execute(() -> {
            try {
                busy.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return writer;
    }

    /** A second later at every reading, so that every visit has a time of its own. */
    private static final class Ticking extends Clock {
        private Instant now = T1.toInstant();

        @Override
        public synchronized Instant instant() {
            now = now.plusSeconds(1);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private OffsetDateTime visitedAt(long userId) {
        return dsl.select(CHAPTER_PROGRESS.VISITED_AT)
                .from(CHAPTER_PROGRESS)
                .where(CHAPTER_PROGRESS.USER_ID.eq(userId))
                .fetchOne(CHAPTER_PROGRESS.VISITED_AT)
                .withOffsetSameInstant(ZoneOffset.UTC);
    }
}
