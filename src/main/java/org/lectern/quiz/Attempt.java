package org.lectern.quiz;

/**
 * One stored attempt: the options chosen (ids, comma-separated) or the text given, the grade, and the time since
 * the question was shown (null when unknown).
 */
record Attempt(
        long userId,
        long questionId,
        int attemptNo,
        String optionIds,
        String answerText,
        boolean correct,
        boolean gaveUp,
        double fraction,
        Long timeTakenMs) {

    Attempt numbered(int no) {
        return new Attempt(userId, questionId, no, optionIds, answerText, correct, gaveUp, fraction, timeTakenMs);
    }
}
