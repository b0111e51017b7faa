package org.lectern.quiz;

import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;
import static org.lectern.db.schema.Tables.QUESTION_OPTION;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.lectern.content.QuestionKind;

/** Questions as stored by the content import, and learners' attempts at them. */
final class QuizRepository {
    private final DSLContext dsl;

    QuizRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A question with its texts (Markdown) beside what grading needs. */
    record StoredQuestion(
            Question question,
            long chapterId,
            String promptMd,
            String code,
            String explanationMd,
            List<StoredOption> options) {}

    record StoredOption(long id, String key, String bodyMd, boolean correct, String explanationMd) {}

    /** The chapter's questions in order, retired ones left out. */
    List<StoredQuestion> chapterQuestions(long chapterId) {
        var rows = dsl.selectFrom(QUESTION)
                .where(QUESTION.CHAPTER_ID.eq(chapterId))
                .and(QUESTION.RETIRED_AT.isNull())
                .orderBy(QUESTION.POSITION)
                .fetch();
        Map<Long, List<StoredOption>> options = options(rows.getValues(QUESTION.ID));
        return rows.stream()
                .map(r -> stored(r, options.getOrDefault(r.getId(), List.of())))
                .toList();
    }

    /** A question whether retired or not: a regrade follows the importer, which may have just changed it. */
    Optional<StoredQuestion> questionById(long id) {
        return dsl.selectFrom(QUESTION)
                .where(QUESTION.ID.eq(id))
                .fetchOptional()
                .map(r -> stored(r, options(List.of(id)).getOrDefault(id, List.of())));
    }

    private Map<Long, List<StoredOption>> options(List<Long> questionIds) {
        return dsl
                .selectFrom(QUESTION_OPTION)
                .where(QUESTION_OPTION.QUESTION_ID.in(questionIds))
                .and(QUESTION_OPTION.RETIRED_AT.isNull())
                .orderBy(QUESTION_OPTION.QUESTION_ID, QUESTION_OPTION.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(
                        o -> o.getQuestionId(),
                        Collectors.mapping(
                                o -> new StoredOption(
                                        o.getId(),
                                        o.getOptionKey(),
                                        o.getBodyMd(),
                                        o.getCorrect(),
                                        o.getExplanationMd()),
                                Collectors.toList())));
    }

    private static StoredQuestion stored(org.lectern.db.schema.tables.records.QuestionRecord r, List<StoredOption> os) {
        QuestionKind kind = QuestionKind.fromCode(r.getKind()).orElseThrow();
        List<Question.Option> gradable = os.stream()
                .map(o -> new Question.Option(o.id(), o.key(), o.correct()))
                .toList();
        return new StoredQuestion(
                new Question(r.getId(), r.getQuestionKey(), kind, r.getPoints(), gradable, r.getAnswer()),
                r.getChapterId(),
                r.getPromptMd(),
                r.getCode(),
                r.getExplanationMd(),
                os);
    }

    /** The next attempt number for a learner's question; call inside the transaction that inserts it. */
    static int nextAttemptNo(DSLContext tx, long userId, long questionId) {
        Integer last = tx.select(DSL.max(QUESTION_ATTEMPT.ATTEMPT_NO))
                .from(QUESTION_ATTEMPT)
                .where(QUESTION_ATTEMPT.USER_ID.eq(userId))
                .and(QUESTION_ATTEMPT.QUESTION_ID.eq(questionId))
                .fetchOne(0, Integer.class);
        return last == null ? 1 : last + 1;
    }

    static void insert(DSLContext tx, Attempt attempt) {
        tx.insertInto(QUESTION_ATTEMPT)
                .set(QUESTION_ATTEMPT.USER_ID, attempt.userId())
                .set(QUESTION_ATTEMPT.QUESTION_ID, attempt.questionId())
                .set(QUESTION_ATTEMPT.ATTEMPT_NO, attempt.attemptNo())
                .set(QUESTION_ATTEMPT.OPTION_IDS, attempt.optionIds())
                .set(QUESTION_ATTEMPT.ANSWER_TEXT, attempt.answerText())
                .set(QUESTION_ATTEMPT.CORRECT, attempt.correct())
                .set(QUESTION_ATTEMPT.GAVE_UP, attempt.gaveUp())
                .set(QUESTION_ATTEMPT.FRACTION, attempt.fraction())
                .set(QUESTION_ATTEMPT.TIME_TAKEN_MS, attempt.timeTakenMs())
                .execute();
    }

    DSLContext dsl() {
        return dsl;
    }
}
