package org.lectern.analytics;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which of a learner's attempts at a question a report counts. The first is the default: learners may retry as
 * often as they like, so later attempts measure persistence more than the question.
 */
public enum AttemptBasis {
    FIRST("first"),
    LAST("last"),
    BEST("best");

    private final String code;

    AttemptBasis(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    static Optional<AttemptBasis> fromCode(String code) {
        return Arrays.stream(values()).filter(b -> b.code.equals(code)).findFirst();
    }
}
