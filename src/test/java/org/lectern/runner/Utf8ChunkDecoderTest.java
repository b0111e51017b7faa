package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class Utf8ChunkDecoderTest {
    private static final String TEXT = "héllo €uro 😀 ok";
    private static final byte[] BYTES = TEXT.getBytes(StandardCharsets.UTF_8);

    @Test
    void aCharacterCutBetweenTwoChunksComesOutWholeInTheSecond() {
        for (int cut = 0; cut <= BYTES.length; cut++) {
            Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
            String first = decoder.decode(Arrays.copyOfRange(BYTES, 0, cut), cut);
            byte[] rest = Arrays.copyOfRange(BYTES, cut, BYTES.length);
            String second = decoder.decode(rest, rest.length);
            assertThat(first + second + decoder.finish()).as("cut at %d", cut).isEqualTo(TEXT);
            assertThat(first).doesNotContain("\uFFFD");
        }
    }

    @Test
    void oneByteAtATimeStillMakesWholeCharacters() {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        StringBuilder out = new StringBuilder();
        for (byte b : BYTES) {
            out.append(decoder.decode(new byte[] {b}, 1));
        }
        assertThat(out.append(decoder.finish())).hasToString(TEXT);
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsRead() {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        assertThat(decoder.decode("abcdef".getBytes(StandardCharsets.UTF_8), 3)).isEqualTo("abc");
    }

    @Test
    void invalidBytesBecomeReplacementCharacters() {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        byte[] bytes = {'o', 'k', (byte) 0xff, (byte) 0xfe, '!'};
        assertThat(decoder.decode(bytes, bytes.length)).isEqualTo("ok\uFFFD\uFFFD!");
    }

    @Test
    void aCharacterUnfinishedAtTheEndOfTheStreamBecomesAReplacementCharacter() {
        Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
        assertThat(decoder.decode(euro, 2)).isEmpty();
        assertThat(decoder.finish()).isEqualTo("\uFFFD");
    }
}
