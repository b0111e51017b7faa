package org.lectern.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CodeInfoTest {
    @Test
    void readsLanguageRunFlagAndAttributes() {
        CodeInfo info = CodeInfo.parse("python run expect=\"exit 3\" stdin=\"a\\nb\" norun");
        assertThat(info.language()).isEqualTo("python");
        assertThat(info.runnable()).isTrue();
        assertThat(info.attributes()).isEqualTo(Map.of("expect", "exit 3", "stdin", "a\nb", "norun", ""));
    }

    @Test
    void aPlainFenceIsNotRunnable() {
        assertThat(CodeInfo.parse("python").runnable()).isFalse();
        assertThat(CodeInfo.parse("").language()).isEmpty();
        assertThat(CodeInfo.parse("output").isOutput()).isTrue();
    }
}
