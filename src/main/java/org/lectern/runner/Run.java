package org.lectern.runner;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A run from the moment it is accepted until its exit: the handle endpoints use to feed input and stop it, and the
 * state its supervisor, output pumps and watch share. Whoever first decides how it ends (a limit, a stop) wins.
 */
final class Run {
    private static final int MAX_DUMP_CHARS = 64 << 10;

    private final String id;
    private final RunRequest request;
    private final Consumer<RunEvent> listener;
    private final StdinFeeder input;
    private final Instant acceptedAt = Instant.now();
    private final AtomicReference<RunStatus> imposed = new AtomicReference<>();
    private final AtomicLong outputLeft;
    private final AtomicLong outputBytes = new AtomicLong();
    private final StringBuffer stackDump = new StringBuffer();
    private final CompletableFuture<RunResult> done = new CompletableFuture<>();
    private volatile SandboxProcess sandbox;
    private volatile Runnable unqueue = () -> {};
    private volatile boolean capturingDump;
    private volatile long startNanos;
    private boolean started;
    private boolean finished;
    /** What runs as the run ends, before anyone hears of it. */
    private Runnable beforeEnd = () -> {};

    private int queuedAt;

    Run(String id, RunRequest request, Consumer<RunEvent> listener, RunLimits limits, long maxStdinBytes) {
        this.id = id;
        this.request = request;
        this.listener = listener;
        this.outputLeft = new AtomicLong(limits.outputBytes());
        this.input = new StdinFeeder(maxStdinBytes);
        input.offer(request.stdin());
        if (request.stdinComplete()) {
            input.close();
        }
    }

    String id() {
        return id;
    }

    RunRequest request() {
        return request;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    CompletableFuture<RunResult> done() {
        return done;
    }

    /** False when the input is past the limit or came after EOF. */
    boolean sendInput(byte[] data) {
        return input.offer(data);
    }

    void closeInput() {
        input.close();
    }

    StdinFeeder input() {
        return input;
    }

    /** Stops the run wherever it is: out of the queue, or its sandbox killed. */
    void stop() {
        impose(RunStatus.STOPPED);
        unqueue.run();
    }

    /** Ends the run with this status, unless another was decided first; either way the sandbox dies now. */
    void impose(RunStatus status) {
        imposed.compareAndSet(null, status);
        SandboxProcess s = sandbox;
        if (s != null) {
            s.kill();
        }
    }

    /** Decides the status without killing yet: a timeout first asks Python for its stacks. */
    boolean claim(RunStatus status) {
        return imposed.compareAndSet(null, status);
    }

    RunStatus imposed() {
        return imposed.get();
    }

    void whenQueuedStopped(Runnable unqueue) {
        this.unqueue = unqueue;
    }

    /** From here on a stop kills this sandbox; a stop that came just before kills it at once. */
    void attach(SandboxProcess sandbox) {
        this.sandbox = sandbox;
        if (imposed.get() != null) {
            sandbox.kill();
        }
    }

    /**
     * Tells the listener the run's place in the queue, once per place. A place mostly shrinks, but grows when a
     * graded run comes in ahead; the supervisor tells places in order, so the last one told is the current one.
     */
    synchronized void queued(int position) {
        if (!started && !finished && position != queuedAt) {
            queuedAt = position;
            listener.accept(new RunEvent.Queued(position));
        }
    }

    synchronized void started(long nanos) {
        started = true;
        startNanos = nanos;
        listener.accept(new RunEvent.Started(id));
    }

    long millisSinceStart() {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** How many of these bytes may still be shown; when some may not, the run has hit its output limit. */
    int outputAllowance(int bytes) {
        long before = outputLeft.getAndAccumulate(bytes, (left, n) -> Math.max(0, left - n));
        if (before < bytes) {
            impose(RunStatus.OUTPUT_LIMIT);
        }
        int allowed = (int) Math.min(before, bytes);
        outputBytes.addAndGet(allowed);
        return allowed;
    }

    long outputBytes() {
        return outputBytes.get();
    }

    synchronized void output(RunEvent.Stream stream, String text) {
        if (!text.isEmpty()) {
            listener.accept(new RunEvent.Output(stream, text, millisSinceStart()));
        }
    }

    void captureDump() {
        capturingDump = true;
    }

    boolean capturingDump() {
        return capturingDump;
    }

    void appendDump(String text) {
        if (stackDump.length() < MAX_DUMP_CHARS) {
            stackDump.append(text, 0, Math.min(text.length(), MAX_DUMP_CHARS - stackDump.length()));
        }
    }

    String stackDump() {
        return stackDump.length() == 0 ? null : stackDump.toString();
    }

    /**
     * Has {@code action} run as the run ends, before {@link #done} completes and before the exit event goes (at once if
     * it has ended already): giving back the caller's quota there means that whoever hears of the end, over either
     * endpoint, finds the way clear for the caller's next run. Callbacks on {@link #done} run in no set order, so the
     * HTTP API's answer could go out before a quota given back there was.
     */
    void beforeEnd(Runnable action) {
        synchronized (this) {
            if (!finished) {
                Runnable earlier = beforeEnd;
                beforeEnd = () -> {
                    earlier.run();
                    action.run();
                };
                return;
            }
        }
        action.run();
    }

    /**
     * Ends the run and sends the one exit event; later calls do nothing. The run is over, and its quota given back,
     * before the event goes: a client that answers the exit with a new run must find the way clear.
     */
    void finish(RunResult result) {
        Runnable ending;
        synchronized (this) {
            if (finished) {
                return;
            }
            finished = true;
            ending = beforeEnd;
        }
        ending.run();
        done.complete(result);
        listener.accept(new RunEvent.Exit(result));
    }
}
