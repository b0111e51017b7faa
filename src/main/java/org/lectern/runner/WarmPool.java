package org.lectern.runner;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sandboxes started ahead of time, their cgroups already made and their bootstrap waiting for code, so a run pays only
 * for handing its code over. Taking one starts a replacement in the background; an empty pool starts one on the spot.
 */
final class WarmPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WarmPool.class);

    private final SandboxLauncher sandbox;
    private final int size;
    private final ExecutorService starter;
    private final BlockingQueue<SandboxProcess> ready = new LinkedBlockingQueue<>();
    private final AtomicInteger starting = new AtomicInteger();
    private volatile boolean closed;

    WarmPool(SandboxLauncher sandbox, int size, ExecutorService starter) {
        this.sandbox = sandbox;
        this.size = size;
        this.starter = starter;
    }

    /** A sandbox ready for code: a warm one if there is one, else one started now. */
    SandboxProcess take() throws IOException {
        for (SandboxProcess s = ready.poll(); s != null; s = ready.poll()) {
            if (s.isAlive()) {
                fill();
                return s;
            }
            s.close();
        }
        fill();
        return sandbox.start();
    }

    int ready() {
        return ready.size();
    }

    /** Starts as many sandboxes as the pool is short of, each on the starter pool. */
    void fill() {
        while (!closed) {
            int inFlight = starting.get();
            if (ready.size() + inFlight >= size) {
                return;
            }
            if (starting.compareAndSet(inFlight, inFlight + 1)) {
                try {
                    starter.execute(this::startOne);
                } catch (RejectedExecutionException shuttingDown) {
                    starting.decrementAndGet();
                    return;
                }
            }
        }
    }

    private void startOne() {
        try {
            SandboxProcess s = sandbox.start();
            synchronized (this) {
                if (closed) {
                    s.close();
                } else {
                    ready.add(s);
                }
            }
        } catch (IOException | RuntimeException e) {
            // no retry here: a broken sandbox would spin; the next take tries again
            log.warn("Could not start a warm sandbox: {}", e.getMessage());
        } finally {
            starting.decrementAndGet();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        for (SandboxProcess s = ready.poll(); s != null; s = ready.poll()) {
            s.close();
        }
    }
}
