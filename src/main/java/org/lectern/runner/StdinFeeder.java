package org.lectern.runner;

import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Carries the learner's input to the sandbox's stdin on an I/O thread, so that a program which never reads can fill
 * the pipe without blocking whoever sent the input. Input may arrive while the run still waits in the queue.
 */
final class StdinFeeder {
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private final long maxBytes;
    private long accepted;
    private boolean closed;

    StdinFeeder(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** False when the input would go past the limit, or came after EOF. */
    synchronized boolean offer(byte[] data) {
        if (closed || accepted + data.length > maxBytes) {
            return false;
        }
        accepted += data.length;
        chunks.add(data);
        return true;
    }

    /** EOF: the program sees the end of its input once everything before it is written. */
    synchronized void close() {
        if (!closed) {
            closed = true;
            chunks.add(END);
        }
    }

    /** Writes until EOF, or until the run ends and {@link #abandon} is called, or the sandbox is gone. */
    void pump(OutputStream stdin) {
        try (stdin) {
            for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                stdin.write(chunk);
                stdin.flush();
            }
        } catch (IOException sandboxGone) {
            // the program ended or was killed; its unread input goes with it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets the pump finish when the run is over. */
    void abandon() {
        chunks.add(END);
    }
}
