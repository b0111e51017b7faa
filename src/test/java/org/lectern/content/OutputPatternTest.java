package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutputPatternTest {
    @Test
    void exactOutputMatchesIgnoringTrailingWhitespace() {
        assertThat(OutputPattern.of("a\nb\n").matches("a  \nb\n\n")).isTrue();
        assertThat(OutputPattern.of("a\nb").matches("a\nc")).isFalse();
    }

    @Test
    void aPlaceholderMatchesAnyTextWithinOneLine() {
        OutputPattern pattern = OutputPattern.of("Both done after {{?}} s");
        assertThat(pattern.matches("Both done after 1.0 s")).isTrue();
        assertThat(pattern.matches("Both done after 1.0\n s")).isFalse();
    }

    @Test
    void threeDotsMatchAnyNumberOfLines() {
        OutputPattern pattern = OutputPattern.of("start\n...\nend");
        assertThat(pattern.matches("start\nend")).isTrue();
        assertThat(pattern.matches("start\nx\ny\nend")).isTrue();
        assertThat(pattern.matches("start\nx\ny")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(OutputPattern.of("[1, 2] (x) $5 {{?}}").matches("[1, 2] (x) $5 ok"))
                .isTrue();
        assertThat(OutputPattern.of("a.b").matches("axb")).isFalse();
    }
}
