package org.lectern.runner;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A connection's outgoing frames. Sending never blocks the run that produced them; Jetty queues them, and this counts
 * what it holds. A client that falls more than the buffer behind (slow, or gone without closing) is dropped, so it
 * cannot make the server's memory grow.
 */
public final class SocketOutbox {
    private final Session session;
    private final long maxBytes;
    private final Runnable onOverflow;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicBoolean dropped = new AtomicBoolean();

    public SocketOutbox(Session session, long maxBytes, Runnable onOverflow) {
        this.session = session;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
    }

    public void send(String frame) {
        if (dropped.get()) {
            return;
        }
        // two bytes a char bounds the UTF-8 of most text; precision does not matter, a bound does
        long size = 2L * frame.length();
        if (pending.addAndGet(size) > maxBytes) {
            drop();
            return;
        }
        session.sendText(frame, Callback.from(() -> pending.addAndGet(-size), failed -> pending.addAndGet(-size)));
    }

    private void drop() {
        if (dropped.compareAndSet(false, true)) {
            onOverflow.run();
            session.disconnect();
        }
    }
}
