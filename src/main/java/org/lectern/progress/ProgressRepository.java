package org.lectern.progress;

import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.selectOne;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHALLENGE_SOLUTION_VIEW;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.CHAPTER_PROGRESS;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.SECTION;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.lectern.content.ByContentVersion;

/** Chapter visits and "mark as read", and the queries that turn attempts into completed chapters and scores. */
final class ProgressRepository {
    private static final String ALL = "all";
    private static final String SETTLED = "q";
    private static final String SOLVED = "c";
    private static final String READ = "r";

    private final DSLContext dsl;
    private final ByContentVersion<String, Map<Long, Demands>> demands;

    /** @param contentVersion changes whenever published content does ({@link org.lectern.content.Catalog#version}) */
    ProgressRepository(DSLContext dsl, LongSupplier contentVersion) {
        this.dsl = dsl;
        this.demands = new ByContentVersion<>(contentVersion);
    }

    /**
     * Records visits in one transaction. A visit never moves a chapter's time back: "mark as read" may have written a
     * later one while the visit waited.
     */
    void visitAll(List<VisitWriter.Visit> visits) {
        dsl.transaction(configuration -> {
            DSLContext tx = DSL.using(configuration);
            for (VisitWriter.Visit v : visits) {
                tx.insertInto(CHAPTER_PROGRESS)
                        .set(CHAPTER_PROGRESS.USER_ID, v.userId())
                        .set(CHAPTER_PROGRESS.CHAPTER_ID, v.chapterId())
                        .set(CHAPTER_PROGRESS.VISITED_AT, v.at())
                        .onConflict(CHAPTER_PROGRESS.USER_ID, CHAPTER_PROGRESS.CHAPTER_ID)
                        .doUpdate()
                        .set(CHAPTER_PROGRESS.VISITED_AT, DSL.greatest(CHAPTER_PROGRESS.VISITED_AT, DSL.val(v.at())))
                        .execute();
            }
        });
    }

    void markRead(long userId, long chapterId, OffsetDateTime now) {
        dsl.insertInto(CHAPTER_PROGRESS)
                .set(CHAPTER_PROGRESS.USER_ID, userId)
                .set(CHAPTER_PROGRESS.CHAPTER_ID, chapterId)
                .set(CHAPTER_PROGRESS.VISITED_AT, now)
                .set(CHAPTER_PROGRESS.READ_AT, now)
                .onConflict(CHAPTER_PROGRESS.USER_ID, CHAPTER_PROGRESS.CHAPTER_ID)
                .doUpdate()
                .set(CHAPTER_PROGRESS.READ_AT, now)
                .execute();
    }

    /**
     * The given chapters the learner completed: every current question has a correct or given-up attempt and every
     * current challenge a passing submission or a solution seen, or, for a chapter with neither, the learner marked
     * it as read. What each chapter asks is kept per content version; the learner's own rows are read in one query of
     * index ranges. A single query that joined them, five subqueries per chapter, was a sixth of a chapter view's CPU.
     */
    Set<Long> completed(long userId, Collection<Long> chapterIds) {
        Map<Long, Demands> demands = this.demands.get(ALL, key -> readDemands());
        Set<Long> settled = new HashSet<>();
        Set<Long> solved = new HashSet<>();
        Set<Long> read = new HashSet<>();
        var own = dsl.select(DSL.inline(SETTLED).as("kind"), QUESTION_ATTEMPT.QUESTION_ID.as("id"))
                .from(QUESTION_ATTEMPT)
                .where(QUESTION_ATTEMPT.USER_ID.eq(userId))
                .and(QUESTION_ATTEMPT.CORRECT.isTrue().or(QUESTION_ATTEMPT.GAVE_UP.isTrue()))
                .unionAll(dsl.select(DSL.inline(SOLVED), CHALLENGE_SUBMISSION.CHALLENGE_ID)
                        .from(CHALLENGE_SUBMISSION)
                        .where(CHALLENGE_SUBMISSION.USER_ID.eq(userId))
                        .and(CHALLENGE_SUBMISSION.PASSED.isTrue()))
                .unionAll(dsl.select(DSL.inline(SOLVED), CHALLENGE_SOLUTION_VIEW.CHALLENGE_ID)
                        .from(CHALLENGE_SOLUTION_VIEW)
                        .where(CHALLENGE_SOLUTION_VIEW.USER_ID.eq(userId)))
                .unionAll(dsl.select(DSL.inline(READ), CHAPTER_PROGRESS.CHAPTER_ID)
                        .from(CHAPTER_PROGRESS)
                        .where(CHAPTER_PROGRESS.USER_ID.eq(userId))
                        .and(CHAPTER_PROGRESS.READ_AT.isNotNull()));
        for (var row : own.fetch()) {
            (switch (row.value1()) {
                        case SETTLED -> settled;
                        case SOLVED -> solved;
                        default -> read;
                    })
                    .add(row.value2());
        }
        Set<Long> done = new HashSet<>();
        for (long chapter : chapterIds) {
            Demands asked = demands.getOrDefault(chapter, Demands.NONE);
            boolean something =
                    !asked.questions().isEmpty() || !asked.challenges().isEmpty() || read.contains(chapter);
            if (something && settled.containsAll(asked.questions()) && solved.containsAll(asked.challenges())) {
                done.add(chapter);
            }
        }
        return done;
    }

    /** A chapter's current questions and challenges, by id. */
    private record Demands(Set<Long> questions, Set<Long> challenges) {
        static final Demands NONE = new Demands(Set.of(), Set.of());
    }

    private Map<Long, Demands> readDemands() {
        Map<Long, Set<Long>> questions = current(QUESTION.CHAPTER_ID, QUESTION.ID, QUESTION.RETIRED_AT);
        Map<Long, Set<Long>> challenges = current(CHALLENGE.CHAPTER_ID, CHALLENGE.ID, CHALLENGE.RETIRED_AT);
        Map<Long, Demands> demands = new HashMap<>();
        Set<Long> chapters = new HashSet<>(questions.keySet());
        chapters.addAll(challenges.keySet());
        for (long chapter : chapters) {
            demands.put(
                    chapter,
                    new Demands(
                            Set.copyOf(questions.getOrDefault(chapter, Set.of())),
                            Set.copyOf(challenges.getOrDefault(chapter, Set.of()))));
        }
        return Map.copyOf(demands);
    }

    /** The ids of a table's rows that are not retired, by chapter. */
    private Map<Long, Set<Long>> current(
            TableField<?, Long> chapter, TableField<?, Long> id, TableField<?, OffsetDateTime> retiredAt) {
        Map<Long, Set<Long>> byChapter = new HashMap<>();
        dsl.select(chapter, id)
                .from(chapter.getTable())
                .where(retiredAt.isNull())
                .forEach(r -> byChapter
                        .computeIfAbsent(r.value1(), k -> new HashSet<>())
                        .add(r.value2()));
        return byChapter;
    }

    /** The chapter of these the learner opened last. */
    Optional<Long> lastVisited(long userId, Collection<Long> chapterIds) {
        return dsl.select(CHAPTER_PROGRESS.CHAPTER_ID)
                .from(CHAPTER_PROGRESS)
                .where(CHAPTER_PROGRESS.USER_ID.eq(userId))
                .and(CHAPTER_PROGRESS.CHAPTER_ID.in(chapterIds))
                .orderBy(CHAPTER_PROGRESS.VISITED_AT.desc())
                .limit(1)
                .fetchOptional(CHAPTER_PROGRESS.CHAPTER_ID);
    }

    /** Courses the learner opened a chapter of or answered a question in. */
    List<Long> startedCourses(long userId) {
        var visited = dsl.select(SECTION.COURSE_ID)
                .from(CHAPTER_PROGRESS)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHAPTER_PROGRESS.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(CHAPTER_PROGRESS.USER_ID.eq(userId));
        var answered = dsl.select(SECTION.COURSE_ID)
                .from(QUESTION_ATTEMPT)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(QUESTION_ATTEMPT.USER_ID.eq(userId));
        var checked = dsl.select(SECTION.COURSE_ID)
                .from(CHALLENGE_SUBMISSION)
                .join(CHALLENGE)
                .on(CHALLENGE.ID.eq(CHALLENGE_SUBMISSION.CHALLENGE_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHALLENGE.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(CHALLENGE_SUBMISSION.USER_ID.eq(userId));
        return dsl.selectDistinct(DSL.field("course_id", Long.class))
                .from(visited.union(answered).union(checked))
                .fetch(0, Long.class);
    }

    /** Of the course's questions the learner tried, how many they got right at the first attempt. */
    FirstTries firstTries(long userId, long courseId) {
        var row = dsl.select(
                        DSL.count(),
                        DSL.sum(DSL.when(QUESTION_ATTEMPT.CORRECT.isTrue(), 1).otherwise(0)))
                .from(QUESTION_ATTEMPT)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_ATTEMPT.QUESTION_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(QUESTION_ATTEMPT.USER_ID.eq(userId))
                .and(QUESTION_ATTEMPT.ATTEMPT_NO.eq(1))
                .and(SECTION.COURSE_ID.eq(courseId))
                .and(QUESTION.RETIRED_AT.isNull())
                .fetchOne();
        int tried = row.value1();
        int right = row.value2() == null ? 0 : row.value2().intValue();
        return new FirstTries(tried, right);
    }

    record FirstTries(int tried, int right) {}

    /** Of the course's current challenges: how many the learner solved, how many they checked without solving yet. */
    ChallengeCounts challenges(long userId, long courseId) {
        var passed = exists(selectOne()
                .from(CHALLENGE_SUBMISSION)
                .where(CHALLENGE_SUBMISSION.CHALLENGE_ID.eq(CHALLENGE.ID))
                .and(CHALLENGE_SUBMISSION.USER_ID.eq(userId))
                .and(CHALLENGE_SUBMISSION.PASSED.isTrue()));
        var tried = exists(selectOne()
                .from(CHALLENGE_SUBMISSION)
                .where(CHALLENGE_SUBMISSION.CHALLENGE_ID.eq(CHALLENGE.ID))
                .and(CHALLENGE_SUBMISSION.USER_ID.eq(userId)));
        var row = dsl.select(
                        DSL.count(),
                        DSL.sum(DSL.when(passed, 1).otherwise(0)),
                        DSL.sum(DSL.when(tried.and(not(passed)), 1).otherwise(0)))
                .from(CHALLENGE)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHALLENGE.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(SECTION.COURSE_ID.eq(courseId))
                .and(CHALLENGE.RETIRED_AT.isNull())
                .fetchOne();
        return new ChallengeCounts(
                row.value1(),
                row.value2() == null ? 0 : row.value2().intValue(),
                row.value3() == null ? 0 : row.value3().intValue());
    }

    record ChallengeCounts(int total, int solved, int attempted) {}
}
