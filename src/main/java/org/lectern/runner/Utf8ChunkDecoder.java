package org.lectern.runner;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns bytes that arrive in arbitrary chunks into text without ever splitting a character: the bytes of a character
 * cut off at the end of a chunk wait for the next one. Invalid bytes become U+FFFD.
 */
final class Utf8ChunkDecoder {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private byte[] carried = new byte[0];

    String decode(byte[] bytes, int length) {
        ByteBuffer in = ByteBuffer.allocate(carried.length + length);
        in.put(carried).put(bytes, 0, length).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining());
        decoder.decode(in, out, false);
        carried = new byte[in.remaining()];
        in.get(carried);
        return out.flip().toString();
    }

    /** What is left at the end of the stream: an unfinished character becomes U+FFFD. */
    String finish() {
        ByteBuffer in = ByteBuffer.wrap(carried);
        CharBuffer out = CharBuffer.allocate(carried.length + 1);
        decoder.decode(in, out, true);
        decoder.flush(out);
        carried = new byte[0];
        decoder.reset();
        return out.flip().toString();
    }
}
