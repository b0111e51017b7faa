package org.lectern.ask;

import java.util.List;

/** Where an answer goes as it is made: the passages first, then (when a model answers) its text piece by piece. */
interface AnswerSink {

    /** Whether a language model will answer after the passages, and if not, why not. */
    enum Generation {
        /** a model answers next */
        ON,
        /** a model is configured, but only for signed-in learners */
        SIGN_IN,
        /** no model is configured: the passages are the answer */
        OFF
    }

    /** Why the model's answer stopped short or never came; the passages already sent stand as the answer. */
    enum Notice {
        BUDGET("ask.notice.budget"),
        BUSY("ask.notice.busy"),
        SLOW("ask.notice.slow"),
        FAILED("ask.notice.failed");

        final String messageKey;

        Notice(String messageKey) {
            this.messageKey = messageKey;
        }
    }

    void passages(List<CourseIndex.Hit> hits, Generation generation);

    /** A piece of the model's answer; throws when the asker stopped listening, which ends the answer. */
    void token(String text);

    void notice(Notice notice);

    void done();
}
