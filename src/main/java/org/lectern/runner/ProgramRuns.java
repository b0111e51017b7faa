package org.lectern.runner;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Runs handed in by other features (a challenge's check, a repeated run) through the same door as the runner's own
 * endpoints: the same quotas, queue, limits and records. A run is code plus input that ends with it; its events are
 * the ones {@code /ws/run} streams, and {@link #frame} gives their JSON so they can be relayed unchanged.
 */
public final class ProgramRuns {
    private final RunService runs;
    private final RunJson json;
    private final int maxCodeBytes;
    private final int maxStdinBytes;
    private final int sendBufferBytes;

    ProgramRuns(RunService runs, RunJson json, RunnerConfig.Capacity capacity) {
        this.runs = runs;
        this.json = json;
        this.maxCodeBytes = capacity.maxCodeBytes();
        this.maxStdinBytes = capacity.maxStdinBytes();
        this.sendBufferBytes = capacity.sendBufferBytes();
    }

    /**
     * Queues a run; its events go to {@code listener}, the last one an {@link RunEvent.Exit}. The code is the
     * feature's own (a harness) and is not held to {@link #maxCodeBytes}: the feature limits what its learners send.
     *
     * @param graded a check's run, judged by how it ends and how long it takes: under load it gets the CPU share of an
     *     ordinary process, where a learner's own run gets a quarter of one
     */
    public Handle start(
            RunCaller caller, String code, String stdin, Origin origin, boolean graded, Consumer<RunEvent> listener)
            throws Refused {
        byte[] codeBytes = code.getBytes(StandardCharsets.UTF_8);
        byte[] input = stdin.getBytes(StandardCharsets.UTF_8);
        if (input.length > maxStdinBytes) {
            throw new Refused(400, "The program's input is too long for one run.");
        }
        RunRequest request = new RunRequest(
                codeBytes,
                input,
                true,
                new RunRequest.Source(origin.course(), origin.chapter(), origin.block()),
                caller,
                graded);
        // Completed from the exit event, which the runner sends only once the run's quota is given back, so that
        // whoever starts another run when this one is done finds the way clear.
        CompletableFuture<RunResult> ended = new CompletableFuture<>();
        Consumer<RunEvent> relay = event -> {
            listener.accept(event);
            if (event instanceof RunEvent.Exit exit) {
                ended.complete(exit.result());
            }
        };
        try {
            return new Handle(runs.start(request, relay), ended);
        } catch (RunRejected e) {
            throw new Refused(RunApi.statusFor(e.reason()).getCode(), e.getMessage());
        }
    }

    /** The largest program a run takes, in UTF-8 bytes. */
    public int maxCodeBytes() {
        return maxCodeBytes;
    }

    /** How far a WebSocket client may fall behind before it is dropped ({@code LECTERN_RUNNER_SEND_BUFFER}). */
    public int sendBufferBytes() {
        return sendBufferBytes;
    }

    /** The event as the runner's WebSocket frame. */
    public String frame(RunEvent event) {
        return json.frame(event);
    }

    /** Where a run's code came from, for the run records; every part may be null. */
    public record Origin(String course, String chapter, Integer block) {}

    /** A run on its way: stop it, or wait for how it ended. */
    public static final class Handle {
        private final Run run;
        private final CompletableFuture<RunResult> ended;

        Handle(Run run, CompletableFuture<RunResult> ended) {
            this.run = run;
            this.ended = ended;
        }

        public String id() {
            return run.id();
        }

        public void stop() {
            run.stop();
        }

        /** How the run ended, once its exit event has gone to the listener and its quota is free again. */
        public CompletableFuture<RunResult> done() {
            return ended;
        }
    }

    /** A run the runner would not take on, with the HTTP status its endpoints answer and a learner's message. */
    public static final class Refused extends Exception {
        private final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
