package org.lectern.runner;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lectern.concurrent.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A runner node: the sandbox engine of {@link RunnerEngine} behind NATS, with no database and no credentials. It
 * listens on the submit subject in the runners' queue group only while it has room for another run (going or
 * queued), so NATS hands each run to a node that can take it, and a cluster with no room at all answers "no
 * responders" at once. Every few hundred milliseconds it announces its figures, which web nodes sum up and use to
 * notice that it died.
 */
public final class RunnerNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunnerNode.class);

    private final RunnerConfig config;
    private final RunnersConfig cluster;
    private final RunnerEngine engine;
    private final RunSubjects subjects;
    private final RunWire wire = new RunWire();
    private final Map<String, Run> runs = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor heartbeat =
            new ScheduledThreadPoolExecutor(1, Threads.named("runner-heartbeat"));
    private final int room;
    private final Connection nats;
    private final Dispatcher dispatcher;
    private Subscription submissions;
    private boolean closing;

    private RunnerNode(RunnerConfig config, RunnersConfig cluster, RunnerEngine engine) {
        this.config = config;
        this.cluster = cluster;
        this.engine = engine;
        this.subjects = new RunSubjects(cluster.subjectPrefix());
        this.room = config.capacity().concurrency() + config.capacity().queueSize();
        this.nats = NatsLink.open(cluster.natsUrl(), "lectern-runner-" + cluster.nodeId(), this::connectionChanged);
        this.dispatcher = nats.createDispatcher();
        adjustInterest();
        long beat = cluster.heartbeat().toMillis();
        heartbeat.scheduleAtFixedRate(() -> announce(false), 0, beat, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts the engine (one sandbox as a probe) and joins the cluster. Throws when sandboxes cannot be made here: a
     * runner node that cannot run code must not take runs.
     *
     * @param observer hears of every finished run, for the node's metrics
     */
    public static RunnerNode start(RunnerConfig config, RunnersConfig cluster, Consumer<FinishedRun> observer)
            throws IOException {
        RunnerEngine engine = RunnerEngine.start(config, observer);
        try {
            return new RunnerNode(config, cluster, engine);
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    public String nodeId() {
        return cluster.nodeId();
    }

    public boolean connected() {
        return NatsLink.connected(nats);
    }

    public int capacity() {
        return config.capacity().concurrency();
    }

    /** Runs going now. */
    public int active() {
        return Math.min(runs.size(), capacity());
    }

    /** Runs taken and waiting for a supervisor. */
    public int queued() {
        return Math.max(0, runs.size() - capacity());
    }

    public int warm() {
        return engine.warmSandboxes();
    }

    private void onSubmit(Message message) {
        String runId;
        RunRequest request;
        try {
            var body = wire.parse(message.getData());
            runId = wire.runIdOf(body);
            request = wire.request(body);
        } catch (RuntimeException e) {
            log.warn("Refused a malformed run request: {}", e.getMessage());
            reply(message, false, "malformed run request");
            return;
        }
        String events = subjects.events(runId);
        Run run = new Run(
                runId,
                request,
                event -> nats.publish(events, wire.event(event)),
                config.limits(),
                config.capacity().maxStdinBytes());
        Subscription control = dispatcher.subscribe(subjects.control(runId), m -> onControl(run, m));
        runs.put(runId, run);
        // leave the queue group, if this run fills the node, before the run can start or be answered: this
        // connection sends in order, so NATS has stopped routing here before the web node hears anything
        adjustInterest();
        try {
            engine.supervisor().submit(run);
        } catch (RunRejected busy) {
            runs.remove(runId);
            unsubscribe(control);
            adjustInterest();
            reply(message, false, busy.getMessage());
            return;
        }
        run.done().whenComplete((result, error) -> {
            runs.remove(runId);
            adjustInterest();
            unsubscribe(control);
        });
        reply(message, true, "");
    }

    private void onControl(Run run, Message message) {
        try {
            RunWire.Control control = wire.control(message.getData());
            if (control instanceof RunWire.Control.Input in) {
                run.sendInput(in.data());
            } else if (control instanceof RunWire.Control.EndOfInput) {
                run.closeInput();
            } else {
                run.stop();
            }
        } catch (RuntimeException e) {
            log.warn("Ignored a malformed control message for run {}: {}", run.id(), e.getMessage());
        }
    }

    private void unsubscribe(Subscription subscription) {
        try {
            dispatcher.unsubscribe(subscription);
        } catch (IllegalStateException e) {
            log.warn("Could not unsubscribe from {}: {}", subscription.getSubject(), e.toString());
        }
    }

    private void reply(Message message, boolean accepted, String why) {
        if (message.getReplyTo() != null) {
            nats.publish(message.getReplyTo(), wire.reply(new RunWire.Reply(accepted, cluster.nodeId(), why)));
        }
    }

    /** Listens for new runs only while one more fits, so NATS's queue group never picks a full node. */
    private synchronized void adjustInterest() {
        boolean wanted = !closing && runs.size() < room;
        log.debug("{} runs, room for {}: {} new runs", runs.size(), room, wanted ? "taking" : "not taking");
        if (wanted && submissions == null) {
            submissions = dispatcher.subscribe(subjects.submit(), subjects.runnersGroup(), this::onSubmit);
        } else if (!wanted && submissions != null) {
            dispatcher.unsubscribe(submissions);
            submissions = null;
        }
    }

    private void announce(boolean leaving) {
        try {
            if (connected()) {
                nats.publish(
                        subjects.heartbeat(),
                        wire.heartbeat(new RunWire.Heartbeat(
                                cluster.nodeId(),
                                capacity(),
                                config.capacity().queueSize(),
                                active(),
                                queued(),
                                warm(),
                                leaving)));
            }
        } catch (RuntimeException e) {
            log.warn("Could not send a heartbeat: {}", e.toString());
        }
    }

    /** Without NATS nobody hears a run's output, and web nodes have ended them already: stop them all. */
    private void connectionChanged(ConnectionListener.Events event) {
        if (event == ConnectionListener.Events.DISCONNECTED) {
            runs.values().forEach(Run::stop);
        }
    }

    /** Leaves the queue group, says so, stops every run (each sends its exit), then closes the connection. */
    @Override
    public void close() {
        synchronized (this) {
            closing = true;
        }
        adjustInterest();
        announce(true);
        heartbeat.shutdownNow();
        engine.close();
        try {
            nats.flush(Duration.ofSeconds(1));
        } catch (Exception e) {
            // closing anyway; web nodes end what they never heard the end of
        }
        try {
            nats.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
