package org.lectern.runner;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.lectern.concurrent.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A web node's runs, executed by runner nodes over NATS. Each run is a request on the submit subject, answered by the
 * one runner node of the queue group that took it; its events then come back on the run's own subject, and input
 * and stop go out on another. The web node keeps the learner's connection, the quotas and the record of the run.
 *
 * <p>Nothing here needs JetStream: a run lives only as long as the learner's connection, so a message that cannot
 * be delivered now is worth nothing later. A lost runner node is noticed by its missing heartbeats, a lost NATS by
 * the connection itself, and either ends the runs concerned as {@code runner_lost} within seconds.
 */
final class NatsRunners implements RunDispatch, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(NatsRunners.class);
    static final String BUSY = "The runner is busy with other people's code. Try again in a moment.";
    static final String NO_NATS = "Running code is unavailable: this server cannot reach its runner nodes right now."
            + " Pages keep working; try again in a minute.";
    static final String NO_NODES = "Running code is unavailable: no runner node is connected. Try again in a minute.";
    static final String NODE_LOST =
            "The runner node running this code stopped answering, so the run was ended. Run it again.";
    static final String NATS_LOST = "The connection to the runner nodes was lost, so the run was ended. Run it again.";
    private static final int INPUT_CHUNK = 64 << 10;

    private final RunnersConfig cluster;
    private final Consumer<FinishedRun> recorder;
    private final RunSubjects subjects;
    private final RunWire wire = new RunWire();
    private final RunnerDirectory directory;
    private final Map<String, Remote> inFlight = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor inputPumps;
    private final ScheduledThreadPoolExecutor watch = new ScheduledThreadPoolExecutor(1, Threads.named("runner-watch"));
    private final Connection nats;
    private final Dispatcher dispatcher;

    NatsRunners(RunnersConfig cluster, Consumer<FinishedRun> recorder) {
        this.cluster = cluster;
        this.recorder = recorder;
        this.subjects = new RunSubjects(cluster.subjectPrefix());
        this.directory = new RunnerDirectory(cluster.lostAfter(), System::nanoTime);
        // one thread per run at the runner nodes carries its input; their number is capped like the runs
        this.inputPumps = new ThreadPoolExecutor(
                0,
                cluster.maxRemoteRuns(),
                30,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                Threads.named("runner-input"));
        this.nats = NatsLink.open(cluster.natsUrl(), "lectern-web-" + cluster.nodeId(), this::connectionChanged);
        this.dispatcher = nats.createDispatcher();
        dispatcher.subscribe(subjects.heartbeat(), m -> {
            try {
                directory.heard(wire.heartbeat(m.getData()));
            } catch (RuntimeException e) {
                log.warn("Ignored a malformed heartbeat: {}", e.getMessage());
            }
        });
        long period = Math.max(50, cluster.heartbeat().toMillis() / 2);
        watch.scheduleAtFixedRate(this::endRunsOfLostNodes, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void submit(Run run) throws RunRejected {
        if (!NatsLink.connected(nats)) {
            throw new RunRejected(RunRejected.Reason.UNAVAILABLE, NO_NATS);
        }
        if (inFlight.size() >= cluster.maxRemoteRuns()) {
            throw new RunRejected(RunRejected.Reason.BUSY, BUSY);
        }
        Remote remote = new Remote(run);
        // listening before asking: a quick run may have started and ended before the answer to the request arrives
        remote.events = dispatcher.subscribe(subjects.events(run.id()), m -> onEvent(remote, m));
        inFlight.put(run.id(), remote);
        try {
            remote.node = dispatch(run);
            directory.tookRun(remote.node);
        } catch (RunRejected refused) {
            inFlight.remove(run.id());
            remote.stopListening(dispatcher);
            throw refused;
        }
        run.whenQueuedStopped(() -> control(run.id(), new RunWire.Control.Stop()));
        try {
            inputPumps.execute(() -> run.input().pump(new InputStreamOut(run.id())));
        } catch (RejectedExecutionException full) {
            // cannot happen while runs are capped at the pump threads' number; stop rather than hang on input
            run.stop();
        }
    }

    /** Asks the runner nodes until one takes the run or the dispatch time is up; returns the node that took it. */
    private String dispatch(Run run) throws RunRejected {
        byte[] body = wire.submit(run.id(), run.request());
        long deadline = System.nanoTime() + cluster.dispatchTimeout().toNanos();
        String refusal = BUSY;
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                // a node may still take it late: make sure it stops at once
                control(run.id(), new RunWire.Control.Stop());
                throw new RunRejected(RunRejected.Reason.BUSY, refusal);
            }
            try {
                Message answer = nats.request(subjects.submit(), body).get(left, TimeUnit.NANOSECONDS);
                RunWire.Reply reply = wire.reply(answer.getData());
                if (reply.accepted()) {
                    return reply.node();
                }
                // the node filled up while the request was on its way; another may have room
                log.info("Runner node {} could not take run {}: {}", reply.node(), run.id(), reply.message());
                refusal = reply.message().isEmpty() ? BUSY : reply.message();
            } catch (ExecutionException | CancellationException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                if (cause instanceof JetStreamStatusException || cause instanceof CancellationException) {
                    // no responders: no node listens, because none has room, or none is there at all
                    log.info("No runner node has room for run {}", run.id());
                    throw new RunRejected(
                            directory.totals().nodes() == 0 ? RunRejected.Reason.UNAVAILABLE : RunRejected.Reason.BUSY,
                            directory.totals().nodes() == 0 ? NO_NODES : BUSY);
                }
                log.warn("Could not dispatch run {}", run.id(), cause);
                throw new RunRejected(RunRejected.Reason.UNAVAILABLE, NO_NATS);
            } catch (TimeoutException e) {
                // loop: the deadline check above gives up
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RunRejected(RunRejected.Reason.UNAVAILABLE, NO_NATS);
            } catch (RuntimeException e) {
                log.warn("Could not dispatch run {}", run.id(), e);
                throw new RunRejected(RunRejected.Reason.UNAVAILABLE, NO_NATS);
            }
        }
    }

    private void onEvent(Remote remote, Message message) {
        RunEvent event;
        try {
            event = wire.event(message.getData());
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed event for run {}: {}", remote.run.id(), e.getMessage());
            return;
        }
        Run run = remote.run;
        if (event instanceof RunEvent.Output o) {
            run.output(o.stream(), o.data());
        } else if (event instanceof RunEvent.Queued q) {
            run.queued(q.position());
        } else if (event instanceof RunEvent.Started) {
            remote.startedAt = Instant.now();
            run.started(System.nanoTime());
        } else if (event instanceof RunEvent.Exit e) {
            conclude(remote, e.result());
        }
    }

    /** The one end of a remote run: the exit event, then the record, as for a local run. */
    private void conclude(Remote remote, RunResult result) {
        if (!remote.concluded.compareAndSet(false, true)) {
            return;
        }
        inFlight.remove(remote.run.id());
        remote.stopListening(dispatcher);
        remote.run.input().abandon();
        Instant startedAt = remote.startedAt == null ? Instant.now() : remote.startedAt;
        remote.run.finish(result);
        recorder.accept(new FinishedRun(remote.run, result, startedAt, Instant.now()));
    }

    private void lose(Remote remote, String why) {
        if (!remote.concluded.get()) {
            remote.run.output(RunEvent.Stream.STDERR, why + "\n");
            conclude(remote, RunResult.withoutSandbox(RunStatus.RUNNER_LOST));
        }
    }

    private void endRunsOfLostNodes() {
        try {
            for (Remote remote : inFlight.values()) {
                String node = remote.node;
                if (node != null && directory.gone(node)) {
                    log.warn("Runner node {} is gone; ending run {}", node, remote.run.id());
                    lose(remote, NODE_LOST);
                }
            }
        } catch (RuntimeException e) {
            log.error("Could not check the runner nodes", e);
        }
    }

    private void connectionChanged(ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.DISCONNECTED || event == ConnectionListener.Events.CLOSED) {
            inFlight.values().forEach(remote -> lose(remote, NATS_LOST));
            directory.forgetAll();
        }
    }

    private void control(String runId, RunWire.Control control) {
        try {
            if (NatsLink.connected(nats)) {
                nats.publish(subjects.control(runId), wire.control(control));
            }
        } catch (RuntimeException e) {
            log.warn("Could not send {} to run {}: {}", control, runId, e.toString());
        }
    }

    boolean connected() {
        return NatsLink.connected(nats);
    }

    int inFlight() {
        return inFlight.size();
    }

    RunnerDirectory.Totals totals() {
        return directory.totals();
    }

    /** What /health shows: the runner nodes' figures added up, as their heartbeats told them. */
    Map<String, Object> health() {
        RunnerDirectory.Totals t = directory.totals();
        Map<String, Object> figures = new LinkedHashMap<>();
        boolean connected = connected();
        figures.put("available", connected && t.nodes() > 0);
        figures.put("mode", "nats");
        if (!connected) {
            figures.put("reason", "NATS is unreachable");
        } else if (t.nodes() == 0) {
            figures.put("reason", "no runner node is connected");
        }
        figures.put("nats", connected ? "connected" : "disconnected");
        figures.put("nodes", t.nodes());
        figures.put("capacity", t.capacity());
        figures.put("active", t.active());
        figures.put("queued", t.queued());
        figures.put("warm", t.warm());
        figures.put("free", t.free());
        figures.put("inFlight", inFlight.size());
        return figures;
    }

    /** Ends this node's runs as stopped (their runner nodes hear the stop), then closes the connection. */
    @Override
    public void close() {
        watch.shutdownNow();
        for (Remote remote : inFlight.values()) {
            control(remote.run.id(), new RunWire.Control.Stop());
            conclude(remote, RunResult.withoutSandbox(RunStatus.STOPPED));
        }
        inputPumps.shutdownNow();
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One run at a runner node, as this web node follows it. */
    private static final class Remote {
        final Run run;
        final AtomicBoolean concluded = new AtomicBoolean();
        volatile Subscription events;
        volatile String node;
        volatile Instant startedAt;

        Remote(Run run) {
            this.run = run;
        }

        /** Once only, and not before listening began: NATS may be lost while the run is still being dispatched. */
        synchronized void stopListening(Dispatcher dispatcher) {
            Subscription subscription = events;
            events = null;
            if (subscription != null) {
                try {
                    dispatcher.unsubscribe(subscription);
                } catch (IllegalStateException closed) {
                    // the connection is closing; its subscriptions go with it
                }
            }
        }
    }

    /** The run's stdin as messages on its control subject; closing it is the end of input. */
    private final class InputStreamOut extends OutputStream {
        private final String runId;

        InputStreamOut(String runId) {
            this.runId = runId;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            for (int at = offset; at < offset + length; at += INPUT_CHUNK) {
                int n = Math.min(INPUT_CHUNK, offset + length - at);
                byte[] chunk = java.util.Arrays.copyOfRange(bytes, at, at + n);
                control(runId, new RunWire.Control.Input(chunk));
            }
        }

        @Override
        public void close() {
            control(runId, new RunWire.Control.EndOfInput());
        }
    }
}
