package org.lectern.content;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of quiz question; the names are what content files and the database use. */
public enum QuestionKind {
    SINGLE("single"),
    MULTIPLE("multiple"),
    OUTPUT("output"),
    PARSONS("parsons");

    private final String code;

    QuestionKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<QuestionKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }
}
