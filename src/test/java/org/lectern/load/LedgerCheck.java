package org.lectern.load;

import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.CHALLENGE_SUBMISSION;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.CHAPTER_FEEDBACK;
import static org.lectern.db.schema.Tables.COURSE;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.SECTION;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Compares the database with what the learners were told: every acknowledged answer, feedback and check is stored
 * exactly once, and nothing is stored that was never sent. Lists every discrepancy; an empty list means all is well.
 */
public final class LedgerCheck {
    private static final String LEARNERS = "%@load.example";

    private LedgerCheck() {}

    public static List<String> problems(Ledger ledger, DSLContext db) {
        List<String> problems = new ArrayList<>();
        checkAnswers(ledger, db, problems);
        checkFeedback(ledger, db, problems);
        checkSubmissions(ledger, db, problems);
        return problems;
    }

    private static void checkAnswers(Ledger ledger, DSLContext db, List<String> problems) {
        Map<String, Integer> stored = new HashMap<>();
        var count = DSL.count();
        var distinctNumbers = DSL.countDistinct(QUESTION_ATTEMPT.ATTEMPT_NO);
        db.select(APP_USER.EMAIL, QUESTION_ATTEMPT.QUESTION_ID, count, distinctNumbers)
                .from(QUESTION_ATTEMPT)
                .join(APP_USER)
                .on(APP_USER.ID.eq(QUESTION_ATTEMPT.USER_ID))
                .where(APP_USER.EMAIL.like(LEARNERS))
                .groupBy(APP_USER.EMAIL, QUESTION_ATTEMPT.QUESTION_ID)
                .forEach(row -> {
                    String key = row.value1() + " " + row.value2();
                    stored.put(key, row.value3());
                    if (!row.value3().equals(row.value4())) {
                        problems.add("answers of " + key + " share an attempt number: " + row.value3() + " rows, "
                                + row.value4() + " numbers");
                    }
                });
        ledger.answers.forEach((key, tally) -> {
            int rows = stored.getOrDefault(key, 0);
            if (rows < tally.acknowledged().get()) {
                problems.add(
                        "lost answers of " + key + ": " + tally.acknowledged() + " acknowledged, " + rows + " stored");
            }
            if (rows > tally.sent().get()) {
                problems.add("duplicated answers of " + key + ": " + tally.sent() + " sent, " + rows + " stored");
            }
        });
        stored.keySet().stream()
                .filter(key -> !ledger.answers.containsKey(key))
                .forEach(key -> problems.add("answers of " + key + " stored but never sent"));
    }

    private static void checkFeedback(Ledger ledger, DSLContext db, List<String> problems) {
        var path = DSL.concat(
                DSL.inline("/courses/"), COURSE.SLUG, DSL.inline("/"), SECTION.SLUG, DSL.inline("/"), CHAPTER.SLUG);
        Map<String, Integer> stored = new HashMap<>();
        var count = DSL.count();
        db.select(APP_USER.EMAIL, path, count)
                .from(CHAPTER_FEEDBACK)
                .join(APP_USER)
                .on(APP_USER.ID.eq(CHAPTER_FEEDBACK.USER_ID))
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(CHAPTER_FEEDBACK.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .join(COURSE)
                .on(COURSE.ID.eq(SECTION.COURSE_ID))
                .where(APP_USER.EMAIL.like(LEARNERS))
                .groupBy(APP_USER.EMAIL, path)
                .forEach(row -> stored.put(row.value1() + " " + row.value2(), row.value3()));
        ledger.feedbackAcknowledged.keySet().stream()
                .filter(key -> !stored.containsKey(key))
                .forEach(key -> problems.add("lost feedback of " + key));
        stored.forEach((key, rows) -> {
            if (rows != 1) {
                problems.add("feedback of " + key + " stored " + rows + " times");
            }
            if (!ledger.feedbackSent.containsKey(key)) {
                problems.add("feedback of " + key + " stored but never sent");
            }
        });
    }

    /**
     * Checks: per learner and challenge the stored attempts are numbered 1, 2, 3, … without a gap or a repeat, every
     * verdict a learner was sent is stored under its attempt number with the same outcome, and no more are stored
     * than were sent.
     */
    private static void checkSubmissions(Ledger ledger, DSLContext db, List<String> problems) {
        Map<String, Map<Integer, Boolean>> stored = new HashMap<>();
        db.select(
                        APP_USER.EMAIL,
                        CHALLENGE_SUBMISSION.CHALLENGE_ID,
                        CHALLENGE_SUBMISSION.ATTEMPT_NO,
                        CHALLENGE_SUBMISSION.PASSED)
                .from(CHALLENGE_SUBMISSION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(CHALLENGE_SUBMISSION.USER_ID))
                .where(APP_USER.EMAIL.like(LEARNERS))
                .forEach(row -> {
                    String key = row.value1() + " " + row.value2();
                    if (stored.computeIfAbsent(key, k -> new TreeMap<>()).put(row.value3(), row.value4()) != null) {
                        problems.add("checks of " + key + ": attempt " + row.value3() + " stored twice");
                    }
                });
        stored.forEach((key, attempts) -> {
            if (!attempts.keySet().equals(numbersUpTo(attempts.size()))) {
                problems.add("checks of " + key + " not numbered 1 to " + attempts.size() + ": " + attempts.keySet());
            }
            Ledger.Checks sent = ledger.checks.get(key);
            if (sent == null) {
                problems.add("checks of " + key + " stored but never sent");
            } else if (attempts.size() > sent.sent().get()) {
                problems.add(
                        "duplicated checks of " + key + ": " + sent.sent() + " sent, " + attempts.size() + " stored");
            }
        });
        ledger.checks.forEach((key, sent) -> {
            Map<Integer, Boolean> attempts = stored.getOrDefault(key, Map.of());
            Set<Integer> told = new HashSet<>();
            for (Ledger.Verdict verdict : sent.acknowledged()) {
                if (!told.add(verdict.attemptNo())) {
                    problems.add("checks of " + key + ": attempt " + verdict.attemptNo() + " acknowledged twice");
                }
                Boolean passed = attempts.get(verdict.attemptNo());
                if (passed == null) {
                    problems.add("lost check of " + key + ": attempt " + verdict.attemptNo() + " acknowledged");
                } else if (passed != verdict.passed()) {
                    problems.add("check of " + key + ", attempt " + verdict.attemptNo() + ": told passed="
                            + verdict.passed() + ", stored passed=" + passed);
                }
            }
        });
    }

    private static Set<Integer> numbersUpTo(int n) {
        return IntStream.rangeClosed(1, n).boxed().collect(Collectors.toSet());
    }
}
