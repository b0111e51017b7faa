package org.lectern.runner;

import java.io.IOException;
import java.io.InputStream;

/**
 * Streams one of the sandbox's output pipes to its run as events, as soon as bytes arrive. Past the output limit it
 * keeps reading, and throwing away, until the killed program's pipe closes.
 */
final class OutputPump implements Runnable {
    private final Run run;
    private final RunEvent.Stream stream;
    private final InputStream in;
    private final Utf8ChunkDecoder decoder = new Utf8ChunkDecoder();

    OutputPump(Run run, RunEvent.Stream stream, InputStream in) {
        this.run = run;
        this.stream = stream;
        this.in = in;
    }

    @Override
    public void run() {
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                take(buffer, n);
            }
        } catch (IOException closed) {
            // the run is over and its pipes were closed under us
        }
        deliver(decoder.finish());
    }

    private void take(byte[] buffer, int n) {
        // after a timeout, stderr carries the stack dump the program was asked for: that is not output to count
        boolean dump = stream == RunEvent.Stream.STDERR && run.capturingDump();
        int shown = dump ? n : run.outputAllowance(n);
        if (shown > 0) {
            deliver(decoder.decode(buffer, shown));
        }
    }

    private void deliver(String text) {
        if (stream == RunEvent.Stream.STDERR && run.capturingDump()) {
            run.appendDump(text);
        } else {
            run.output(stream, text);
        }
    }
}
