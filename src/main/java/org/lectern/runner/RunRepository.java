package org.lectern.runner;

import static org.lectern.db.schema.Tables.RUN;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/** Keeps a row per finished run in the run table, which analytics reads. */
final class RunRepository {
    private final DSLContext db;

    RunRepository(DSLContext db) {
        this.db = db;
    }

    void insert(FinishedRun run) {
        RunResult r = run.result();
        db.insertInto(RUN)
                .set(RUN.RUN_KEY, run.runId())
                .set(RUN.USER_ID, run.caller().userId())
                .set(RUN.GUEST_KEY, run.caller().guestKey())
                .set(RUN.COURSE_SLUG, run.source().course())
                .set(RUN.CHAPTER_SLUG, run.source().chapter())
                .set(RUN.BLOCK_INDEX, run.source().block())
                .set(RUN.STATUS, r.status().wireName())
                .set(RUN.EXIT_CODE, r.exitCode())
                .set(RUN.WALL_MS, r.wallMs())
                .set(RUN.CPU_MS, r.cpuMs())
                .set(RUN.PEAK_MEMORY_KB, r.peakMemoryKb())
                .set(RUN.PROCESSES, (int) r.processes())
                .set(RUN.CODE_BYTES, run.codeBytes())
                .set(RUN.OUTPUT_BYTES, r.outputBytes())
                .set(RUN.QUEUED_MS, run.queued().toMillis())
                .set(RUN.STARTED_AT, utc(run.startedAt()))
                .set(RUN.FINISHED_AT, utc(run.finishedAt()))
                .execute();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
