package org.lectern.challenge;

import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHALLENGE_SOLUTION_VIEW;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.lectern.db.schema.tables.records.ChallengeRecord;
import org.lectern.runner.RunStatus;

/** Challenges as the content import stored them, learners' submissions and the solutions they asked to see. */
final class ChallengeRepository {
    private static final int NUMBERING_RETRIES = 5;
    private final DSLContext dsl;

    ChallengeRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The chapter's challenges in order, retired ones left out. */
    List<StoredChallenge> chapterChallenges(long chapterId) {
        return dsl.selectFrom(CHALLENGE)
                .where(CHALLENGE.CHAPTER_ID.eq(chapterId))
                .and(CHALLENGE.RETIRED_AT.isNull())
                .orderBy(CHALLENGE.POSITION)
                .fetch(ChallengeRepository::stored);
    }

    Optional<StoredChallenge> challenge(long id) {
        return dsl.selectFrom(CHALLENGE)
                .where(CHALLENGE.ID.eq(id))
                .and(CHALLENGE.RETIRED_AT.isNull())
                .fetchOptional(ChallengeRepository::stored);
    }

    private static StoredChallenge stored(ChallengeRecord r) {
        return new StoredChallenge(
                r.getId(),
                r.getChapterId(),
                r.getChallengeKey(),
                r.getPosition(),
                r.getTitle(),
                r.getStatementMd(),
                r.getStarterCode(),
                r.getTestCode(),
                r.getSolutionCode(),
                r.getMaxWallMs(),
                r.getRepeatRuns(),
                r.getMinProcesses());
    }

    /** What is stored of one check. */
    record NewSubmission(long challengeId, long userId, String code, CheckResult result, String resultsJson) {}

    /**
     * Stores a submission as the learner's next for the challenge and returns its number. The number is taken inside
     * the inserting transaction; when a check from another tab took it first, the unique constraint refuses this one
     * and it retries with the next, so both are stored and neither twice.
     */
    int record(NewSubmission s) {
        for (int tries = 1; ; tries++) {
            try {
                return dsl.transactionResult(c -> {
                    DSLContext tx = c.dsl();
                    Integer last = tx.select(DSL.max(CHALLENGE_SUBMISSION.ATTEMPT_NO))
                            .from(CHALLENGE_SUBMISSION)
                            .where(CHALLENGE_SUBMISSION.USER_ID.eq(s.userId()))
                            .and(CHALLENGE_SUBMISSION.CHALLENGE_ID.eq(s.challengeId()))
                            .fetchOne(0, Integer.class);
                    int no = last == null ? 1 : last + 1;
                    CheckResult r = s.result();
                    tx.insertInto(CHALLENGE_SUBMISSION)
                            .set(CHALLENGE_SUBMISSION.CHALLENGE_ID, s.challengeId())
                            .set(CHALLENGE_SUBMISSION.USER_ID, s.userId())
                            .set(CHALLENGE_SUBMISSION.ATTEMPT_NO, no)
                            .set(CHALLENGE_SUBMISSION.CODE, s.code())
                            .set(CHALLENGE_SUBMISSION.PASSED, r.passed())
                            .set(CHALLENGE_SUBMISSION.STATUS, r.status())
                            .set(CHALLENGE_SUBMISSION.TESTS_PASSED, r.testsPassed())
                            .set(CHALLENGE_SUBMISSION.TESTS_TOTAL, r.testsTotal())
                            .set(CHALLENGE_SUBMISSION.RESULTS_JSON, s.resultsJson())
                            .set(CHALLENGE_SUBMISSION.WALL_MS, r.wallMs())
                            .set(CHALLENGE_SUBMISSION.CPU_MS, r.cpuMs())
                            .set(CHALLENGE_SUBMISSION.PEAK_MEMORY_KB, r.peakMemoryKb())
                            .set(CHALLENGE_SUBMISSION.PROCESSES, (int) r.processes())
                            .execute();
                    return no;
                });
            } catch (DataAccessException e) {
                if (tries >= NUMBERING_RETRIES || !"23505".equals(e.sqlState())) {
                    throw e;
                }
            }
        }
    }

    /** A learner's standing on each of these challenges they submitted to or asked the solution of. */
    Map<Long, Standing> standings(long userId, Collection<Long> challengeIds) {
        var passed = DSL.sum(DSL.when(CHALLENGE_SUBMISSION.PASSED.isTrue(), 1).otherwise(0));
        var lost = DSL.sum(DSL.when(CHALLENGE_SUBMISSION.STATUS.eq(RunStatus.RUNNER_LOST.wireName()), 1)
                .otherwise(0));
        var viewed = DSL.field(DSL.exists(DSL.selectOne()
                .from(CHALLENGE_SOLUTION_VIEW)
                .where(CHALLENGE_SOLUTION_VIEW.USER_ID.eq(userId))
                .and(CHALLENGE_SOLUTION_VIEW.CHALLENGE_ID.eq(CHALLENGE.ID))));
        var submitted = DSL.count(CHALLENGE_SUBMISSION.ID);
        return dsl
                .select(CHALLENGE.ID, submitted, passed, lost, viewed)
                .from(CHALLENGE)
                .leftJoin(CHALLENGE_SUBMISSION)
                .on(CHALLENGE_SUBMISSION.CHALLENGE_ID.eq(CHALLENGE.ID))
                .and(CHALLENGE_SUBMISSION.USER_ID.eq(userId))
                .where(CHALLENGE.ID.in(challengeIds))
                .groupBy(CHALLENGE.ID)
                .fetch()
                .stream()
                .collect(Collectors.toMap(
                        r -> r.value1(),
                        r -> new Standing(
                                r.value2(),
                                r.value3() == null ? 0 : r.value3().intValue(),
                                r.value4() == null ? 0 : r.value4().intValue(),
                                Boolean.TRUE.equals(r.value5()))));
    }

    /** How many current challenges each of these chapters has; chapters without any are left out. */
    Map<Long, Integer> countsByChapter(Collection<Long> chapterIds) {
        return dsl.select(CHALLENGE.CHAPTER_ID, DSL.count())
                .from(CHALLENGE)
                .where(CHALLENGE.CHAPTER_ID.in(chapterIds))
                .and(CHALLENGE.RETIRED_AT.isNull())
                .groupBy(CHALLENGE.CHAPTER_ID)
                .fetchMap(CHALLENGE.CHAPTER_ID, DSL.count());
    }

    /** Remembers that the learner saw the solution; seeing it again changes nothing. */
    void solutionViewed(long userId, long challengeId) {
        dsl.insertInto(CHALLENGE_SOLUTION_VIEW)
                .set(CHALLENGE_SOLUTION_VIEW.USER_ID, userId)
                .set(CHALLENGE_SOLUTION_VIEW.CHALLENGE_ID, challengeId)
                .onConflictDoNothing()
                .execute();
    }

    /** The code of the learner's latest submission, to put back in the editor. */
    Map<Long, String> latestCode(long userId, Collection<Long> challengeIds) {
        var latest = DSL.select(DSL.max(CHALLENGE_SUBMISSION.ID))
                .from(CHALLENGE_SUBMISSION)
                .where(CHALLENGE_SUBMISSION.USER_ID.eq(userId))
                .and(CHALLENGE_SUBMISSION.CHALLENGE_ID.in(challengeIds))
                .groupBy(CHALLENGE_SUBMISSION.CHALLENGE_ID);
        return dsl.select(CHALLENGE_SUBMISSION.CHALLENGE_ID, CHALLENGE_SUBMISSION.CODE)
                .from(CHALLENGE_SUBMISSION)
                .where(CHALLENGE_SUBMISSION.ID.in(latest))
                .fetchMap(CHALLENGE_SUBMISSION.CHALLENGE_ID, CHALLENGE_SUBMISSION.CODE);
    }

    /**
     * Checks made (every one stored), how many passed, how many were lost with the runner node that had them (the
     * program was never judged), and whether the solution was asked for.
     */
    record Standing(int submissions, int passedChecks, int lostChecks, boolean solutionViewed) {
        static final Standing NONE = new Standing(0, 0, 0, false);

        boolean passed() {
            return passedChecks > 0;
        }

        /** The checks that judged the program and failed it; a lost check is not the learner's failure. */
        int failedChecks() {
            return submissions - passedChecks - lostChecks;
        }
    }
}
