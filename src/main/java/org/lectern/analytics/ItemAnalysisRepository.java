package org.lectern.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Item analysis in SQL: each query reduces the chosen attempts to a few sums or counts per question or per quiz
 * (counts, sums of x, x², x·X, and how many learners share a mark and total), so a report reads a few hundred rows
 * whatever the number of attempts. Every query starts from {@code c}, one chosen attempt per learner and question
 * (by the attempt basis), and brings in a learner's total X with a window or a grouping, never a join: H2 would
 * evaluate a joined derived table once per row.
 */
final class ItemAnalysisRepository {
    private static final Field<Long> C_USER = field(name("c", "user_id"), Long.class);
    private static final Field<Long> C_QUESTION = field(name("c", "question_id"), Long.class);
    private static final Field<Double> C_MARK = field(name("c", "mark"), Double.class);
    private static final Field<String> C_OPTIONS = field(name("c", "option_ids"), String.class);
    private static final Field<Long> C_TIME = field(name("c", "time_taken_ms"), Long.class);
    private static final Field<Long> T_USER = field(name("t", "user_id"), Long.class);
    private static final Field<Double> T_TOTAL = field(name("t", "total"), Double.class);

    private final DSLContext dsl;

    ItemAnalysisRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A question in scope, in course order. */
    record QuestionRow(
            long id,
            long chapterId,
            String chapterTitle,
            String key,
            String kind,
            int points,
            String prompt,
            String answer) {}

    /** An option of a question in scope. */
    record OptionRow(long id, long questionId, String key, String body, boolean correct) {}

    /** The learners' totals X: s, the mean, the median and the sums of (X − mean)², ³ and ⁴. */
    record TotalSums(
            long learners,
            double sumTotal,
            double sumTotalSquared,
            double mean,
            double median,
            double dev2,
            double dev3,
            double dev4) {}

    /** Per question over the learners who answered it: n, Σx, Σx², Σx·X and the median time taken. */
    record QuestionSums(
            long questionId,
            long answered,
            double sumMark,
            double sumMarkSquared,
            double sumMarkTotal,
            Double medianTimeMs) {}

    /** Per option: how many chose it, and how many of them were in the top and in the bottom third by total. */
    record OptionCounts(long optionId, long chosen, long top, long bottom) {}

    List<QuestionRow> questions(Scope scope) {
        return dsl.select(
                        QUESTION.ID,
                        QUESTION.CHAPTER_ID,
                        CHAPTER.TITLE,
                        QUESTION.QUESTION_KEY,
                        QUESTION.KIND,
                        QUESTION.POINTS,
                        QUESTION.PROMPT_MD,
                        QUESTION.ANSWER)
                .from(QUESTION)
                .join(CHAPTER)
                .on(CHAPTER.ID.eq(QUESTION.CHAPTER_ID))
                .join(SECTION)
                .on(SECTION.ID.eq(CHAPTER.SECTION_ID))
                .where(scope.questions())
                .orderBy(SECTION.POSITION, CHAPTER.POSITION, QUESTION.POSITION)
                .fetch(r -> new QuestionRow(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8()));
    }

    List<OptionRow> options(Scope scope) {
        return dsl.select(
                        QUESTION_OPTION.ID,
                        QUESTION_OPTION.QUESTION_ID,
                        QUESTION_OPTION.OPTION_KEY,
                        QUESTION_OPTION.BODY_MD,
                        QUESTION_OPTION.CORRECT)
                .from(QUESTION_OPTION)
                .join(QUESTION)
                .on(QUESTION.ID.eq(QUESTION_OPTION.QUESTION_ID))
                .where(scope.questions())
                .and(QUESTION_OPTION.RETIRED_AT.isNull())
                .orderBy(QUESTION_OPTION.QUESTION_ID, QUESTION_OPTION.POSITION)
                .fetch(r -> new OptionRow(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The median time taken per question, in ms, over the chosen attempts that recorded one. */
    Map<Long, Double> medianTimes(List<Long> questions, ReportFilter filter) {
        Map<Long, Double> medians = new HashMap<>();
        dsl.select(C_QUESTION, percentileCont(0.5).withinGroupOrderBy(C_TIME))
                .from(chosen(questions, filter))
                .where(C_TIME.isNotNull())
                .groupBy(C_QUESTION)
                .forEach(r -> medians.put(r.value1(), number(r.value2())));
        return medians;
    }

    /**
     * How many learners who answered a question got mark x on it, total X, with the same set of options (null for
     * questions without options): one row per distinct combination.
     */
    record MarkCell(long questionId, double mark, double total, String optionIds, long learners) {}

    List<MarkCell> markHistogram(List<Long> questions, ReportFilter filter) {
        var a = attemptsWithTotals(questions, filter);
        Field<Long> question = a.field("question_id", Long.class);
        Field<Double> mark = a.field("mark", Double.class);
        Field<Double> total = a.field("total", Double.class);
        Field<String> options = a.field("option_ids", String.class);
        return dsl.select(question, mark, total, options, count())
                .from(a)
                .groupBy(question, mark, total, options)
                .fetch(r -> new MarkCell(r.value1(), number(r.value2()), number(r.value3()), r.value4(), r.value5()));
    }

    /** How many learners have each total X. */
    record TotalCell(double total, long learners) {}

    List<TotalCell> totalHistogram(List<Long> questions, ReportFilter filter) {
        var t = learnerTotals(questions, filter);
        Field<Double> total = t.field("total", Double.class);
        return dsl.select(total, count())
                .from(t)
                .groupBy(total)
                .fetch(r -> new TotalCell(number(r.value1()), r.value2()));
    }

    /** {@code t}: each learner's total X over the questions in scope (unanswered questions count 0). */
    private static Table<?> learnerTotals(List<Long> questions, ReportFilter filter) {
        return select(C_USER, sum(C_MARK))
                .from(chosen(questions, filter))
                .groupBy(C_USER)
                .asTable("t", "user_id", "total");
    }

    /** {@code a}: the chosen attempts, each with its learner's total X beside it (a window, not a join). */
    private static Table<?> attemptsWithTotals(List<Long> questions, ReportFilter filter) {
        return select(C_USER, C_QUESTION, C_MARK, C_OPTIONS, C_TIME, sum(C_MARK).over(DSL.partitionBy(C_USER)))
                .from(chosen(questions, filter))
                .asTable("a", "user_id", "question_id", "mark", "option_ids", "time_taken_ms", "total");
    }

    /** {@code c}: the chosen attempt of each learner at each question in scope, with its mark (fraction × points). */
    private static Table<?> chosen(List<Long> questions, ReportFilter filter) {
        var qa = QUESTION_ATTEMPT;
        Field<Double> mark = qa.FRACTION.mul(QUESTION.POINTS);
        // The ids as a list, so both databases read the attempts through the (question_id, …) index.
        Condition where = qa.QUESTION_ID.in(questions);
        if (filter.start() != null) {
            where = where.and(qa.CREATED_AT.ge(filter.start()));
        }
        if (filter.end() != null) {
            where = where.and(qa.CREATED_AT.lt(filter.end()));
        }
        Select<Record5<Long, Long, Double, String, Long>> chosen;
        if (filter.basis() == AttemptBasis.FIRST && !filter.hasPeriod()) {
            // Attempt numbers start at 1 for every learner and question: the first attempt needs no ranking.
            chosen = select(qa.USER_ID, qa.QUESTION_ID, mark, qa.OPTION_IDS, qa.TIME_TAKEN_MS)
                    .from(qa)
                    .join(QUESTION)
                    .on(QUESTION.ID.eq(qa.QUESTION_ID))
                    .where(where)
                    .and(qa.ATTEMPT_NO.eq(1));
        } else {
            var ranked = select(
                            qa.USER_ID,
                            qa.QUESTION_ID,
                            mark.as("mark"),
                            qa.OPTION_IDS,
                            qa.TIME_TAKEN_MS,
                            rowNumber()
                                    .over(DSL.partitionBy(qa.QUESTION_ID, qa.USER_ID)
                                            .orderBy(order(filter.basis())))
                                    .as("rn"))
                    .from(qa)
                    .join(QUESTION)
                    .on(QUESTION.ID.eq(qa.QUESTION_ID))
                    .where(where)
                    .asTable("ranked");
            chosen = select(
                            ranked.field(qa.USER_ID),
                            ranked.field(qa.QUESTION_ID),
                            ranked.field("mark", Double.class),
                            ranked.field(qa.OPTION_IDS),
                            ranked.field(qa.TIME_TAKEN_MS))
                    .from(ranked)
                    .where(ranked.field("rn", Integer.class).eq(1));
        }
        return chosen.asTable("c", "user_id", "question_id", "mark", "option_ids", "time_taken_ms");
    }

    private static SortField<?>[] order(AttemptBasis basis) {
        var qa = QUESTION_ATTEMPT;
        return switch (basis) {
            case FIRST -> new SortField<?>[] {qa.ATTEMPT_NO.asc()};
            case LAST -> new SortField<?>[] {qa.ATTEMPT_NO.desc()};
            // The best mark; of equal marks the earliest, as the learner had it from then on.
            case BEST -> new SortField<?>[] {qa.FRACTION.desc(), qa.ATTEMPT_NO.asc()};
        };
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
