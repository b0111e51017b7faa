package org.lectern.ask;

import static org.lectern.db.schema.Tables.ASK_QUESTION;
import static org.lectern.db.schema.Tables.ASK_USAGE;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Questions asked per chapter (without the asker) and each learner's daily use of the language model. */
final class AskRepository {
    private final DSLContext dsl;

    AskRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void saveQuestion(long chapterId, String question, boolean generated, OffsetDateTime now) {
        dsl.insertInto(ASK_QUESTION)
                .set(ASK_QUESTION.CHAPTER_ID, chapterId)
                .set(ASK_QUESTION.QUESTION, question)
                .set(ASK_QUESTION.NORMALIZED, normalized(question))
                .set(ASK_QUESTION.GENERATED, generated)
                .set(ASK_QUESTION.CREATED_AT, now)
                .execute();
    }

    /** Lower case, single spaces, no punctuation at the end: how "the same question" is recognised. */
    static String normalized(String question) {
        return question.strip()
                .replaceAll("\\s+", " ")
                .replaceAll("[\\s?!.…]+$", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A question and how often it was asked about one chapter. */
    record AskedQuestion(long chapterId, String question, int times) {}

    /** Per chapter, its {@code perChapter} most asked questions, most asked first. */
    List<AskedQuestion> mostAsked(int perChapter) {
        var times = DSL.count().as("times");
        var rank = DSL.rowNumber()
                .over(DSL.partitionBy(ASK_QUESTION.CHAPTER_ID)
                        .orderBy(DSL.count().desc(), ASK_QUESTION.NORMALIZED))
                .as("rank");
        var grouped = dsl.select(ASK_QUESTION.CHAPTER_ID, ASK_QUESTION.NORMALIZED, times, rank)
                .from(ASK_QUESTION)
                .groupBy(ASK_QUESTION.CHAPTER_ID, ASK_QUESTION.NORMALIZED)
                .asTable("grouped");
        var chapterId = grouped.field(ASK_QUESTION.CHAPTER_ID);
        var question = grouped.field(ASK_QUESTION.NORMALIZED);
        var count = grouped.field(times);
        var position = grouped.field(rank);
        return dsl.select(chapterId, question, count)
                .from(grouped)
                .where(position.le(perChapter))
                .orderBy(chapterId, position)
                .fetch(r -> new AskedQuestion(r.value1(), r.value2(), r.value3()));
    }

    int tokensUsed(long userId, LocalDate day) {
        Integer tokens = dsl.select(ASK_USAGE.TOKENS)
                .from(ASK_USAGE)
                .where(ASK_USAGE.USER_ID.eq(userId).and(ASK_USAGE.USAGE_DAY.eq(day)))
                .fetchOne(ASK_USAGE.TOKENS);
        return tokens == null ? 0 : tokens;
    }

    /** Adds one answer's tokens (or one failure) to the learner's day. */
    void addUsage(long userId, LocalDate day, int tokens, boolean failed) {
        dsl.insertInto(ASK_USAGE)
                .set(ASK_USAGE.USER_ID, userId)
                .set(ASK_USAGE.USAGE_DAY, day)
                .set(ASK_USAGE.ANSWERS, failed ? 0 : 1)
                .set(ASK_USAGE.TOKENS, tokens)
                .set(ASK_USAGE.FAILURES, failed ? 1 : 0)
                .onConflict(ASK_USAGE.USER_ID, ASK_USAGE.USAGE_DAY)
                .doUpdate()
                .set(ASK_USAGE.ANSWERS, ASK_USAGE.ANSWERS.plus(failed ? 0 : 1))
                .set(ASK_USAGE.TOKENS, ASK_USAGE.TOKENS.plus(tokens))
                .set(ASK_USAGE.FAILURES, ASK_USAGE.FAILURES.plus(failed ? 1 : 0))
                .execute();
    }

    /** The model's use on one day, all learners together. */
    record DailyUsage(LocalDate day, int learners, int answers, int tokens, int failures) {}

    List<DailyUsage> usageSince(LocalDate first) {
        return dsl.select(
                        ASK_USAGE.USAGE_DAY,
                        DSL.count(),
                        DSL.sum(ASK_USAGE.ANSWERS),
                        DSL.sum(ASK_USAGE.TOKENS),
                        DSL.sum(ASK_USAGE.FAILURES))
                .from(ASK_USAGE)
                .where(ASK_USAGE.USAGE_DAY.ge(first))
                .groupBy(ASK_USAGE.USAGE_DAY)
                .orderBy(ASK_USAGE.USAGE_DAY.desc())
                .fetch(r -> new DailyUsage(
                        r.value1(),
                        r.value2(),
                        r.value3().intValue(),
                        r.value4().intValue(),
                        r.value5().intValue()));
    }
}
