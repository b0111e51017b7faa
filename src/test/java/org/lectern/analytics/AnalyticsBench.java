package org.lectern.analytics;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.lectern.config.Config;
import org.lectern.db.Database;
import org.lectern.testing.TestFiles;

/**
 * The analytics benchmark, started by bench/analytics: seeds 1,000,000 first attempts (10,000 learners × 100
 * questions in 10 chapters of 10) into a fresh H2 file database, then times the full item analysis of one chapter's
 * quiz and of the whole course, for each attempt basis, and the course overview's other reports.
 */
final class AnalyticsBench {
    private static final int LEARNERS = 10_000;
    private static final int CHAPTERS = 10;
    private static final int QUESTIONS_PER_CHAPTER = 10;
    private static final int REPEATS = 3;

    private AnalyticsBench() {}

    public static void main(String[] args) throws Exception {
        // LECTERN_BENCH_DB_DIR keeps the seeded database between runs (seeding takes a minute or more).
        String kept = System.getenv("LECTERN_BENCH_DB_DIR");
        Path dir = kept == null ? Files.createTempDirectory("lectern-analytics-bench-") : Path.of(kept);
        boolean reuse = kept != null && Files.exists(dir.resolve("lectern.mv.db"));
        // Seeding is one huge transaction: written at once, commit by commit (the server's WRITE_DELAY=0), it takes
        // several times longer and grows the file by gigabytes. The reports only read, so H2's default does here.
        try (Database database = Database.open(
                new Config.Database(Config.h2Url(dir, false), "sa", "", 4),
                Config.fromMap(Map.of("LECTERN_DATA_DIR", dir.toString())).server())) {
            DSLContext dsl = database.dsl();
            long started = System.nanoTime();
            Seeded seeded = reuse ? find(dsl) : seed(dsl);
            System.out.printf(
                    (reuse ? "reused" : "seeded") + " %,d attempts (%,d learners x %d questions) in %.1f s%n",
                    dsl.fetchCount(org.lectern.db.schema.Tables.QUESTION_ATTEMPT),
                    LEARNERS,
                    CHAPTERS * QUESTIONS_PER_CHAPTER,
                    (System.nanoTime() - started) / 1e9);
            System.out.println("load average before timing: " + loadAverage());
            breakdown(dsl, Scope.chapter(seeded.course(), seeded.section(), seeded.firstChapter()));
            ItemAnalysis analysis = new ItemAnalysis(dsl);
            Scope quiz = Scope.chapter(seeded.course(), seeded.section(), seeded.firstChapter());
            Scope course = Scope.course(seeded.course());
            for (AttemptBasis basis : AttemptBasis.values()) {
                ReportFilter filter = new ReportFilter(basis, null, null);
                time(
                        "quiz report (1 chapter, 10 questions, 100,000 attempts), " + basis.code(),
                        () -> analysis.report(quiz, filter));
            }
            time(
                    "course report (100 questions, 1,000,000 attempts), first",
                    () -> analysis.report(course, ReportFilter.ALL));
            System.out.println("load average after timing: " + loadAverage());
        } finally {
            if (kept == null) {
                TestFiles.deleteTree(dir);
            }
        }
    }

    private record Seeded(long course, long section, long firstChapter) {}

    private static Seeded find(DSLContext dsl) {
        var chapter = org.lectern.db.schema.Tables.CHAPTER;
        var section = org.lectern.db.schema.Tables.SECTION;
        var row = dsl.select(section.COURSE_ID, section.ID, chapter.ID)
                .from(chapter)
                .join(section)
                .on(section.ID.eq(chapter.SECTION_ID))
                .where(chapter.SLUG.eq("chapter-1"))
                .fetchOne();
        return new Seeded(row.value1(), row.value2(), row.value3());
    }

    /** Each query of the first-attempt quiz report on its own, to see where the time goes. */
    private static void breakdown(DSLContext dsl, Scope quiz) {
        var repository = new ItemAnalysisRepository(dsl);
        List<Long> ids = repository.questions(quiz).stream()
                .map(ItemAnalysisRepository.QuestionRow::id)
                .toList();
        System.out.println("quiz report, first attempts, query by query (one run each):");
        step("  questions and options", () -> repository.options(quiz));
        step("  learners per (question, mark, total, options)", () -> repository.markHistogram(ids, ReportFilter.ALL));
        step("  learners per total", () -> repository.totalHistogram(ids, ReportFilter.ALL));
        step("  median time per question", () -> repository.medianTimes(ids, ReportFilter.ALL));
    }

    private static void step(String what, Supplier<?> query) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        query.get();
        System.out.printf(
                "%-50s wall %6.0f ms  cpu %6.0f ms%n",
                what, (System.nanoTime() - start) / 1e6, (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    }

    private static Seeded seed(DSLContext dsl) {
        AnalyticsFixture fixture = new AnalyticsFixture(dsl);
        long course = fixture.course("bench");
        long section = fixture.section(course, "all", 1);
        long first = 0;
        for (int c = 1; c <= CHAPTERS; c++) {
            long chapter = fixture.chapter(section, "chapter-" + c, c);
            first = c == 1 ? chapter : first;
            for (int q = 1; q <= QUESTIONS_PER_CHAPTER; q++) {
                long question = fixture.question(chapter, "q" + q, q, "single", 1, null);
                for (int o = 1; o <= 4; o++) {
                    fixture.option(question, "o" + o, o, o == 1);
                }
            }
        }
        dsl.execute("insert into app_user (email, display_name, password_hash) "
                + "select 'learner' || r.n || '@example.org', 'Learner ' || r.n, 'x' from system_range(1, "
                + LEARNERS + ") as r(n)");
        // A learner's ability and a question's difficulty set the odds; a hash of both decides each answer.
        dsl.execute("""
                insert into question_attempt
                    (user_id, question_id, attempt_no, option_ids, correct, fraction, time_taken_ms, created_at)
                select g.uid, g.qid, 1, cast(o.id as varchar), g.ok, case when g.ok then 1.0 else 0.0 end,
                       2000 + mod(g.h, 28000), timestamp with time zone '2026-03-01 10:00:00+00' + mod(g.h, 30) * interval '1' day
                from (
                    select u.id as uid, q.id as qid, mod(u.id * 7919 + q.id * 104729, 1009) as h,
                           mod(u.id * 7919 + q.id * 104729, 100) < 25 + mod(u.id, 60) - mod(q.id, 30) as ok
                    from app_user u cross join question q
                ) g
                join question_option o on o.question_id = g.qid
                 and o.position = case when g.ok then 1 else 2 + mod(g.h, 3) end
                """);
        dsl.execute("analyze");
        return new Seeded(course, section, first);
    }

    /**
     * Wall time, and the CPU time of the thread that ran the report: embedded H2 runs each query in the calling
     * thread, so on a shared, busy machine the CPU time is the report's own cost and the wall time includes waiting.
     */
    private static void time(String what, Supplier<ItemReport> report) {
        report.get();
        List<Double> millis = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        ItemReport last = null;
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < REPEATS; i++) {
            long start = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            last = report.get();
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e6);
            millis.add((System.nanoTime() - start) / 1e6);
        }
        Collections.sort(millis);
        Collections.sort(cpu);
        System.out.printf(
                "%-62s wall median %6.0f ms (min %6.0f)  cpu median %6.0f ms (min %6.0f)  [s=%,d, alpha %.1f%%]%n",
                what,
                millis.get(REPEATS / 2),
                millis.get(0),
                cpu.get(REPEATS / 2),
                cpu.get(0),
                last.summary().learners(),
                last.summary().alpha());
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
