package org.lectern.content;

import java.util.regex.Pattern;

/**
 * The expected output of a runnable block, as written in an {@code output} fence: lines compared after removing
 * trailing white space, where {@code {{?}}} stands for any text within a line and a line {@code ...} for any number
 * of lines.
 */
public final class OutputPattern {
    static final String ANY_TEXT = "{{?}}";
    private static final String ANY_LINES = "...";
    private final Pattern pattern;

    private OutputPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    public static OutputPattern of(String expected) {
        // Every line, expected and actual, is matched with its newline, so "..." can stand for zero lines.
        StringBuilder regex = new StringBuilder();
        for (String line : normalize(expected).split("\n", -1)) {
            if (line.equals(ANY_LINES)) {
                regex.append("(?:[^\\n]*\\n)*?");
                continue;
            }
            String[] pieces = line.split(Pattern.quote(ANY_TEXT), -1);
            for (int i = 0; i < pieces.length; i++) {
                regex.append(Pattern.quote(pieces[i]));
                if (i < pieces.length - 1) {
                    regex.append("[^\\n]*");
                }
            }
            regex.append("\\n");
        }
        return new OutputPattern(Pattern.compile(regex.toString()));
    }

    public boolean matches(String actual) {
        return pattern.matcher(normalize(actual) + "\n").matches();
    }

    /** Trailing white space on every line and trailing blank lines do not count. */
    public static String normalize(String text) {
        return text.replace("\r\n", "\n")
                .lines()
                .map(String::stripTrailing)
                .reduce((a, b) -> a + "\n" + b)
                .orElse("")
                .stripTrailing();
    }
}
