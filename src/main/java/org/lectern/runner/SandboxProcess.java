package org.lectern.runner;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One started sandbox: the bwrap process tree inside its own cgroups, first waiting for code, then running it. Closing
 * it kills everything inside and removes the cgroups, so nothing of a run outlives it.
 */
final class SandboxProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SandboxProcess.class);
    static final byte[] READY = "lectern:ready\n".getBytes(StandardCharsets.US_ASCII);

    private final Process process;
    private final Confinement cgroup;
    private final Runnable afterClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final int interpreterDepth;

    SandboxProcess(Process process, Confinement cgroup, Runnable afterClose) {
        this(process, cgroup, afterClose, 2);
    }

    /** {@code interpreterDepth}: how far below the started process Python runs (bwrap: its init's child). */
    SandboxProcess(Process process, Confinement cgroup, Runnable afterClose, int interpreterDepth) {
        this.interpreterDepth = interpreterDepth;
        this.process = process;
        this.cgroup = cgroup;
        this.afterClose = afterClose;
    }

    /** Reads the bootstrap's ready marker; a sandbox that says nothing within the timeout is killed. */
    void awaitReady(ScheduledExecutorService timer, long timeoutMillis) throws IOException {
        ScheduledFuture<?> guard = timer.schedule(this::kill, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            byte[] marker = process.getInputStream().readNBytes(READY.length);
            if (!Arrays.equals(marker, READY)) {
                throw new IOException("the sandbox did not start: " + errorText());
            }
        } finally {
            guard.cancel(false);
        }
    }

    /** Waits for the ready marker, as {@link #awaitReady}; a sandbox that never gets ready is closed. */
    SandboxProcess ready(ScheduledExecutorService timer, long timeoutMillis) throws IOException {
        try {
            awaitReady(timer, timeoutMillis);
            return this;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Hands the code to the bootstrap, which starts running it at once. */
    void sendCode(byte[] code) throws IOException {
        OutputStream in = process.getOutputStream();
        in.write((code.length + "\n").getBytes(StandardCharsets.US_ASCII));
        in.write(code);
        in.flush();
    }

    OutputStream stdin() {
        return process.getOutputStream();
    }

    InputStream stdout() {
        return process.getInputStream();
    }

    InputStream stderr() {
        return process.getErrorStream();
    }

    Confinement cgroup() {
        return cgroup;
    }

    int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /**
     * The Python process itself: bwrap runs it as the child of the pid namespace's init, which is the child of the
     * bwrap we started.
     */
    Optional<ProcessHandle> interpreter() {
        Stream<ProcessHandle> level = Stream.of(process.toHandle());
        for (int i = 0; i < interpreterDepth; i++) {
            level = level.flatMap(ProcessHandle::children);
        }
        return level.findFirst();
    }

    /**
     * SIGKILLs the whole tree without waiting for it to go. Through the ProcessHandle, because Process.destroyForcibly
     * also closes the pipes, and output still in them would be lost to the pumps.
     */
    void kill() {
        process.toHandle().destroyForcibly();
        cgroup.killAll();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            kill();
            cgroup.destroy();
            awaitReaped();
            closeQuietly(process.getOutputStream());
            closeQuietly(process.getInputStream());
            closeQuietly(process.getErrorStream());
            afterClose.run();
        }
    }

    /** Dead is not yet reaped: wait for Java's reaper, so not even a zombie outlives the sandbox. */
    private void awaitReaped() {
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                log.warn("Sandbox process {} was not reaped within 5 s of its kill", process.pid());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String errorText() {
        kill();
        try {
            String text = new String(process.getErrorStream().readNBytes(2000), StandardCharsets.UTF_8).trim();
            return text.isEmpty() ? "it exited with " + process.waitFor() : text;
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for it";
        }
    }

    private static void closeQuietly(Closeable stream) {
        try {
            stream.close();
        } catch (IOException ignored) {
            // the process is gone; nothing more can be lost
        }
    }
}
