package org.lectern.analytics;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.percentileCont;
import static org.jooq.impl.DSL.rowNumber;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;
import static org.lectern.db.schema.Tables.SECTION;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record5;
import org.jooq.Select;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Item analysis in SQL: each query reduces the chosen attempts to a few sums per question or per quiz (counts, sums
 * of x, x², x·X, ranks), so a report reads a handful of rows whatever the number of attempts. Two common table
 * expressions carry through: {@code c}, one chosen attempt per learner and question (by the attempt basis), and
 * {@code t}, each learner's total X over the questions in scope.
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

    /** Sums over the learners' totals X: s, the mean, the median and the sums of (X − mean)², ³ and ⁴. */
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

    TotalSums totals(Scope scope, ReportFilter filter) {
        CommonTableExpression<?> mean =
                name("m").fields("mu").as(select(DSL.avg(T_TOTAL)).from(name("t")));
        Field<BigDecimal> mu = field(name("m", "mu"), BigDecimal.class);
        Field<Double> d = T_TOTAL.minus(mu.cast(Double.class));
        Record r = dsl.with(chosen(scope, filter))
                .with(totals())
                .with(mean)
                .select(
                        count(),
                        sum(T_TOTAL),
                        sum(T_TOTAL.mul(T_TOTAL)),
                        max(mu),
                        percentileCont(0.5).withinGroupOrderBy(T_TOTAL),
                        sum(d.mul(d)),
                        sum(d.mul(d).mul(d)),
                        sum(d.mul(d).mul(d).mul(d)))
                .from(name("t"))
                .crossJoin(name("m"))
                .fetchOne();
        return new TotalSums(
                r.get(0, Long.class),
                number(r.get(1)),
                number(r.get(2)),
                number(r.get(3)),
                number(r.get(4)),
                number(r.get(5)),
                number(r.get(6)),
                number(r.get(7)));
    }

    List<QuestionSums> questionSums(Scope scope, ReportFilter filter) {
        return dsl.with(chosen(scope, filter))
                .with(totals())
                .select(
                        C_QUESTION,
                        count(),
                        sum(C_MARK),
                        sum(C_MARK.mul(C_MARK)),
                        sum(C_MARK.mul(T_TOTAL)),
                        percentileCont(0.5).withinGroupOrderBy(C_TIME))
                .from(name("c"))
                .join(name("t"))
                .on(T_USER.eq(C_USER))
                .groupBy(C_QUESTION)
                .fetch(r -> new QuestionSums(
                        r.value1(),
                        r.value2(),
                        number(r.value3()),
                        number(r.value4()),
                        number(r.value5()),
                        r.value6() == null ? null : r.value6().doubleValue()));
    }

    /**
     * Per question, Σ x₍ₖ₎·r₍ₖ₎ with x (the mark, 0 when unanswered) and r = X − x each sorted on its own over every
     * learner in the report: the largest Σ x·r those marks allow, for the discriminative efficiency.
     */
    Map<Long, Double> sortedProductSums(Scope scope, ReportFilter filter) {
        Field<Long> qid = field(name("m", "qid"), Long.class);
        Field<Double> x = field(name("m", "x"), Double.class);
        Field<Double> r = field(name("m", "r"), Double.class);
        Field<Double> mark = DSL.coalesce(C_MARK, inline(0.0));
        CommonTableExpression<?> matrix = name("m")
                .fields("qid", "x", "r")
                .as(select(QUESTION.ID, mark, T_TOTAL.minus(mark))
                        .from(name("t"))
                        .crossJoin(QUESTION)
                        .leftJoin(name("c"))
                        .on(C_USER.eq(T_USER).and(C_QUESTION.eq(QUESTION.ID)))
                        .where(scope.questions()));
        var byMark = select(
                        qid,
                        x,
                        rowNumber().over(DSL.partitionBy(qid).orderBy(x)).as("k"))
                .from(name("m"))
                .asTable("a");
        var byRest = select(
                        qid,
                        r,
                        rowNumber().over(DSL.partitionBy(qid).orderBy(r)).as("k"))
                .from(name("m"))
                .asTable("b");
        Field<Long> aq = byMark.field("qid", Long.class);
        Field<Double> ax = byMark.field("x", Double.class);
        Map<Long, Double> sums = new HashMap<>();
        dsl.with(chosen(scope, filter))
                .with(totals())
                .with(matrix)
                .select(aq, sum(ax.mul(byRest.field("r", Double.class))))
                .from(byMark)
                .join(byRest)
                .on(byRest.field("qid", Long.class).eq(aq))
                .and(byRest.field("k", Integer.class).eq(byMark.field("k", Integer.class)))
                .where(ax.ne(0.0))
                .groupBy(aq)
                .forEach(row -> sums.put(row.value1(), number(row.value2())));
        return sums;
    }

    /** @param third how many learners make the top third (and the bottom third) */
    List<OptionCounts> optionCounts(Scope scope, ReportFilter filter, long learners, long third) {
        Field<Integer> rank = field(name("rk", "rk"), Integer.class);
        var ranked = name("rk")
                .fields("user_id", "rk")
                .as(select(T_USER, rowNumber().over(DSL.orderBy(T_TOTAL.desc(), T_USER.asc())))
                        .from(name("t")));
        Field<String> chosenList = inline(",").concat(C_OPTIONS).concat(inline(","));
        Field<String> optionMark =
                inline(",").concat(QUESTION_OPTION.ID.cast(String.class)).concat(inline(","));
        return dsl.with(chosen(scope, filter))
                .with(totals())
                .with(ranked)
                .select(
                        QUESTION_OPTION.ID,
                        count(),
                        sum(when(rank.le(inline((int) third)), inline(1)).otherwise(inline(0))),
                        sum(when(rank.gt(inline((int) (learners - third))), inline(1))
                                .otherwise(inline(0))))
                .from(name("c"))
                .join(name("rk"))
                .on(field(name("rk", "user_id"), Long.class).eq(C_USER))
                .join(QUESTION_OPTION)
                .on(QUESTION_OPTION.QUESTION_ID.eq(C_QUESTION))
                .and(chosenList.contains(optionMark))
                .where(C_OPTIONS.isNotNull())
                .groupBy(QUESTION_OPTION.ID)
                .fetch(r ->
                        new OptionCounts(r.value1(), r.value2(), (long) number(r.value3()), (long) number(r.value4())));
    }

    /** {@code c}: the chosen attempt of each learner at each question in scope, with its mark (fraction × points). */
    private static CommonTableExpression<?> chosen(Scope scope, ReportFilter filter) {
        var qa = QUESTION_ATTEMPT;
        Field<Double> mark = qa.FRACTION.mul(QUESTION.POINTS);
        Condition where = scope.questions();
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
        return name("c")
                .fields("user_id", "question_id", "mark", "option_ids", "time_taken_ms")
                .as(chosen);
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

    /** {@code t}: each learner's total X over the questions in scope (unanswered questions count 0). */
    private static CommonTableExpression<?> totals() {
        return name("t")
                .fields("user_id", "total")
                .as(select(C_USER, sum(C_MARK)).from(name("c")).groupBy(C_USER));
    }

    private static double number(Object value) {
        return value == null ? 0 : ((Number) value).doubleValue();
    }
}
