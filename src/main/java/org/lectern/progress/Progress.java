package org.lectern.progress;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.lectern.concurrent.Threads;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.content.CourseOutline.Located;

/**
 * Learners' progress. A chapter is complete when each of its current questions has a correct or given-up attempt and
 * each of its current challenges a passing check or a solution seen; a chapter with neither, when the learner pressed
 * "Mark as read". A course's progress is the share of its
 * chapters completed.
 */
public final class Progress implements AutoCloseable {
    /** A learner still on the chapter they were last recorded on is not recorded again for this long. */
    static final Duration VISIT_RESOLUTION = Duration.ofMinutes(1);

    private final ProgressRepository progress;
    private final VisitWriter visits;
    private final Cache<Long, Visit> lastRecorded =
            Caffeine.newBuilder().maximumSize(50_000).build();
    private final Catalog catalog;
    private final Clock clock;

    public Progress(DSLContext dsl, Catalog catalog, Clock clock) {
        this(dsl, catalog, clock, Executors.newSingleThreadExecutor(Threads.named("progress-visits")));
    }

    /** @param visitWriter where visits are written, one batch at a time */
    Progress(DSLContext dsl, Catalog catalog, Clock clock, ExecutorService visitWriter) {
        this.progress = new ProgressRepository(dsl, catalog::version);
        this.visits = new VisitWriter(progress, visitWriter);
        this.catalog = catalog;
        this.clock = clock;
    }

    private record Visit(long chapterId, Instant at) {}

    /**
     * Records that the learner is on this chapter, which "continue where you left off" and the analytics' active
     * learners read. A reload, or moving about a chapter's page, within {@link #VISIT_RESOLUTION} of the visit last
     * recorded for the same chapter writes nothing: the time is kept to the minute, not a write per page view. The
     * visit is written a moment later, with others ({@link VisitWriter}).
     */
    public void visit(long userId, Located at) {
        long chapterId = at.chapter().id();
        Instant now = clock.instant();
        Visit last = lastRecorded.getIfPresent(userId);
        if (last != null
                && last.chapterId() == chapterId
                && last.at().plus(VISIT_RESOLUTION).isAfter(now)) {
            return;
        }
        visits.add(userId, chapterId, OffsetDateTime.ofInstant(now, clock.getZone()));
        lastRecorded.put(userId, new Visit(chapterId, now));
    }

    public void markRead(long userId, Located at) {
        progress.markRead(userId, at.chapter().id(), OffsetDateTime.now(clock));
    }

    /** The learner's progress in a course, with where "Continue" takes them: waits for their visits to be written. */
    public CourseProgress of(long userId, CourseOutline course) {
        visits.awaitWritten(userId);
        List<Located> chapters = course.chapters();
        List<Long> ids = chapters.stream().map(l -> l.chapter().id()).toList();
        Set<Long> done = ids.isEmpty() ? Set.of() : progress.completed(userId, ids);
        Optional<Long> last = ids.isEmpty() ? Optional.empty() : progress.lastVisited(userId, ids);
        return new CourseProgress(done.size(), ids.size(), done, resume(course, chapters, done, last));
    }

    /**
     * The chapters of a course the learner completed, for a chapter page's outline and bar, without "Continue": it
     * neither reads the visits nor waits for them. A chapter page records a visit itself, and waiting for it to be
     * written made every new chapter view wait for a commit again (under a class of 200, a sixth of a second on
     * average).
     */
    public CourseProgress completion(long userId, CourseOutline course) {
        List<Long> ids = course.chapters().stream().map(l -> l.chapter().id()).toList();
        Set<Long> done = ids.isEmpty() ? Set.of() : progress.completed(userId, ids);
        return new CourseProgress(done.size(), ids.size(), done, null);
    }

    /** The first incomplete chapter from the last one visited on (wrapping round), else the last visited. */
    private static String resume(CourseOutline course, List<Located> chapters, Set<Long> done, Optional<Long> last) {
        if (chapters.isEmpty()) {
            return "/courses/" + course.slug();
        }
        int from = last.map(id -> indexOf(chapters, id)).orElse(0);
        for (int i = 0; i < chapters.size(); i++) {
            Located candidate = chapters.get((from + i) % chapters.size());
            if (!done.contains(candidate.chapter().id())) {
                return candidate.path(course.slug());
            }
        }
        return chapters.get(from).path(course.slug());
    }

    private static int indexOf(List<Located> chapters, long id) {
        for (int i = 0; i < chapters.size(); i++) {
            if (chapters.get(i).chapter().id() == id) {
                return i;
            }
        }
        return 0;
    }

    /** The courses the learner started, with progress and first-attempt scores, in catalog order. */
    public List<CourseScore> dashboard(long userId) {
        visits.awaitWritten(userId);
        List<Long> started = progress.startedCourses(userId);
        return catalog.all().stream()
                .filter(c -> started.contains(c.id()))
                .map(c -> {
                    var tries = progress.firstTries(userId, c.id());
                    var challenges = progress.challenges(userId, c.id());
                    return new CourseScore(
                            c,
                            of(userId, c),
                            tries.tried(),
                            tries.right(),
                            challenges.total(),
                            challenges.solved(),
                            challenges.attempted());
                })
                .toList();
    }

    /** Writes the visits still waiting. */
    @Override
    public void close() {
        visits.close();
    }
}
