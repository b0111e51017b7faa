package org.lectern.progress;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.lectern.concurrent.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes chapter visits behind the pages that made them, all that are waiting in one transaction. A visit is where a
 * learner was, for "continue where you left off" and the analytics, not something they were told is saved; written
 * with the page, it made every new chapter view wait for a commit of its own, and under a class of 200 on the embedded
 * database those commits queued behind the answers' (a chapter's slowest 1 % of views were mostly that wait). The
 * learner's own pages still see their visits: a page that reads them first waits for that learner's to be written.
 * A visit that cannot be written (the database is down) is logged and dropped; one not yet written when the server is
 * killed is lost, and the next chapter view records the learner again.
 */
final class VisitWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VisitWriter.class);
    /** Past this many waiting, the database is not keeping up: the page writes its visit itself, as it used to. */
    private static final int MAX_PENDING = 10_000;

    record Visit(long userId, long chapterId, OffsetDateTime at) {}

    private record Key(long userId, long chapterId) {}

    private final ProgressRepository repository;
    private final Map<Key, OffsetDateTime> pending = new ConcurrentHashMap<>();
    /** Learners whose visits the batch being written holds; only changed under {@link #writing}. */
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    private final ReentrantLock writing = new ReentrantLock();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ExecutorService writer;

    /** @param writer where batches are written, one at a time */
    VisitWriter(ProgressRepository repository, ExecutorService writer) {
        this.repository = repository;
        this.writer = writer;
    }

    /** Keeps the visit for the next batch; a later visit to the same chapter replaces it. */
    void add(long userId, long chapterId, OffsetDateTime at) {
        if (pending.size() >= MAX_PENDING) {
            repository.visitAll(List.of(new Visit(userId, chapterId, at)));
            return;
        }
        pending.merge(new Key(userId, chapterId), at, (old, now) -> now.isAfter(old) ? now : old);
        if (scheduled.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    scheduled.set(false);
                    writePending();
                });
            } catch (RejectedExecutionException closed) {
                scheduled.set(false);
                writePending();
            }
        }
    }

    /** Returns once every visit of this learner's added so far is in the database. */
    void awaitWritten(long userId) {
        if (inFlight.contains(userId) || pending.keySet().stream().anyMatch(k -> k.userId() == userId)) {
            // the lock waits for a batch being written; what is still pending is written here
            writePending();
        }
    }

    /** Writes what is pending, then stops. */
    @Override
    public void close() {
        Threads.shutdownAndWait(writer, Duration.ofSeconds(5));
        writePending();
    }

    private void writePending() {
        writing.lock();
        try {
            List<Visit> batch = new ArrayList<>();
            for (Key key : pending.keySet()) {
                // in flight before it leaves pending, so that awaitWritten never sees it in neither
                inFlight.add(key.userId());
                OffsetDateTime at = pending.remove(key);
                if (at != null) {
                    batch.add(new Visit(key.userId(), key.chapterId(), at));
                }
            }
            if (!batch.isEmpty()) {
                repository.visitAll(batch);
            }
        } catch (RuntimeException e) {
            log.warn("Could not record chapter visits: {}", e.toString());
        } finally {
            inFlight.clear();
            writing.unlock();
        }
    }
}
