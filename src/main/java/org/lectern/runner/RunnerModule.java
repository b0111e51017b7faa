package org.lectern.runner;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.lectern.config.Settings;
import org.lectern.web.Access;
import org.lectern.web.RequestModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runner: learners' Python in a fresh sandbox per run, streamed over the WebSocket {@code /ws/run}, or run to the
 * end through {@code POST /api/runs}. Where sandboxes cannot be made (no bubblewrap, no cgroups) it refuses every run
 * with {@link #unavailableReason()}, which pages can show too. With {@code LECTERN_RUNNERS=nats://...} the sandboxes
 * are on runner nodes ({@link NatsRunners}); endpoints, quotas and the record of each run stay here either way.
 */
public final class RunnerModule implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RunnerModule.class);

    private final RunnerConfig config;
    private final RunRecorder recorder;
    private final RunnerEngine engine;
    private final NatsRunners remote;
    private final RunnerNode embedded;
    private final String unavailableReason;
    private final RunSocket socket;
    private final RunApi api;
    private final ProgramRuns programs;

    /** Every caller is a guest, known by their IP, until accounts exist. */
    public RunnerModule(RunnerConfig config, DSLContext db) {
        this(config, db, guestsByIp());
    }

    /** {@code callers} says who makes a request: a learner by user id, or a guest. */
    public RunnerModule(RunnerConfig config, DSLContext db, Function<Context, RunCaller> callers) {
        this(config, db, callers, run -> {});
    }

    /** Also tells {@code observer} of every finished run, once it is recorded. */
    RunnerModule(
            RunnerConfig config, DSLContext db, Function<Context, RunCaller> callers, Consumer<FinishedRun> observer) {
        this(
                config,
                RunnersConfig.fromSettings(new Settings(Map.of())),
                db,
                callers,
                observer,
                new SimpleMeterRegistry());
    }

    /**
     * The runner as {@code cluster} says: in this process, or at runner nodes over NATS (then this process runs
     * nothing itself unless {@link RunnersConfig#embeddedNode()}). Its metrics go to {@code metrics}.
     */
    public RunnerModule(
            RunnerConfig config,
            RunnersConfig cluster,
            DSLContext db,
            Function<Context, RunCaller> callers,
            MeterRegistry metrics) {
        this(config, cluster, db, callers, run -> {}, metrics);
    }

    RunnerModule(
            RunnerConfig config,
            RunnersConfig cluster,
            DSLContext db,
            Function<Context, RunCaller> callers,
            Consumer<FinishedRun> observer,
            MeterRegistry metrics) {
        this.config = config;
        this.recorder = new RunRecorder(new RunRepository(db), observer);
        Consumer<FinishedRun> record = RunnerMetrics.counting(metrics).andThen(recorder);
        RunnerEngine started = null;
        NatsRunners nats = null;
        String problem = null;
        if (cluster.local()) {
            try {
                started = RunnerEngine.start(config, record);
            } catch (IOException e) {
                problem = e.getMessage();
                log.error("Running learners' code is OFF: {}", problem);
            }
        } else {
            nats = new NatsRunners(cluster, record);
        }
        this.engine = started;
        this.remote = nats;
        this.embedded = nats != null && cluster.embeddedNode() ? startEmbedded(config, cluster) : null;
        this.unavailableReason = problem;
        if (engine != null && unsandboxed()) {
            log.warn("*****************************************************************************************");
            log.warn("LECTERN_SANDBOX=none: learners' code runs WITHOUT A SANDBOX, as this server's own user,");
            log.warn("with its files and its network. For a developer's machine only; never on a shared server.");
            log.warn("*****************************************************************************************");
        }
        RunDispatch dispatch = remote != null ? remote : engine == null ? null : engine.supervisor()::submit;
        RunService runs = dispatch == null
                ? RunService.unavailable(problem)
                : RunService.working(
                        new RunRateLimiter(config.quotas(), System::nanoTime),
                        dispatch,
                        config.limits(),
                        config.capacity().maxStdinBytes());
        RunJson json = new RunJson();
        RunRequestReader reader = new RunRequestReader(
                config.capacity().maxCodeBytes(), config.capacity().maxStdinBytes());
        this.socket = new RunSocket(runs, reader, json, callers, config.capacity());
        this.api = new RunApi(runs, reader, json, callers);
        this.programs = new ProgramRuns(runs, json, config.capacity());
        RunnerMetrics.gauges(metrics, this::capacity, this::activeRuns, this::queueDepth, this::warmPoolSize);
    }

    /** A runner node inside the web node: it joins the cluster like any other, and NATS may send it any run. */
    private static RunnerNode startEmbedded(RunnerConfig config, RunnersConfig cluster) {
        try {
            return RunnerNode.start(config, cluster, run -> {});
        } catch (IOException e) {
            log.error("The embedded runner node is OFF: {}", e.getMessage());
            return null;
        }
    }

    /** For other features that hand the runner programs of their own, such as a challenge's check. */
    public ProgramRuns programs() {
        return programs;
    }

    /** Guests may run code too, under their own quotas; the upgrade checks its Origin itself. */
    public void addRoutes(JavalinDefaultRoutingApi routes) {
        routes.wsBeforeUpgrade("/ws/run", socket::beforeUpgrade);
        routes.ws("/ws/run", socket::configure);
        routes.post("/api/runs", api::create, Access.ANYONE);
    }

    /** False where sandboxes cannot be made; then every run is refused. */
    public boolean available() {
        return remote != null ? remote.connected() && remote.totals().nodes() > 0 : engine != null;
    }

    /** True in the development mode LECTERN_SANDBOX=none, which every console then says in a warning. */
    public boolean unsandboxed() {
        return config.sandbox().unsandboxed();
    }

    /** What every page needs to know of the runner: whether its consoles must warn that nothing is sandboxed. */
    public RequestModel pageModel() {
        return RequestModel.constant(java.util.Map.of("runnerUnsandboxed", unsandboxed()));
    }

    /** Why code cannot run here, for the log and for pages; null while it can. */
    public String unavailableReason() {
        if (remote != null) {
            return available() ? null : remote.connected() ? NatsRunners.NO_NODES : NatsRunners.NO_NATS;
        }
        return unavailableReason;
    }

    /** What /health shows of the runner. */
    public java.util.Map<String, Object> health() {
        if (remote != null) {
            return remote.health();
        }
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("available", available());
        if (unsandboxed()) {
            figures.put("sandbox", "none");
        }
        if (!available()) {
            figures.put("reason", unavailableReason);
        }
        figures.put("capacity", capacity());
        figures.put("active", activeRuns());
        figures.put("queued", queueDepth());
        figures.put("warm", warmPoolSize());
        figures.put("mode", "local");
        return figures;
    }

    /** How many runs can go at once. */
    public int capacity() {
        return remote != null ? remote.totals().capacity() : config.capacity().concurrency();
    }

    public int activeRuns() {
        return remote != null
                ? remote.totals().active()
                : engine == null ? 0 : engine.supervisor().active();
    }

    public int queueDepth() {
        return remote != null
                ? remote.totals().queued()
                : engine == null ? 0 : engine.supervisor().queueDepth();
    }

    /** Sandboxes started and waiting for code. */
    public int warmPoolSize() {
        return remote != null ? remote.totals().warm() : engine == null ? 0 : engine.warmSandboxes();
    }

    /** Stops every run, kills every sandbox and removes its cgroups, then writes the last records. */
    @Override
    public void close() {
        if (remote != null) {
            remote.close();
        }
        if (embedded != null) {
            embedded.close();
        }
        if (engine != null) {
            engine.close();
        }
        recorder.close();
    }

    RunnerEngine engine() {
        return engine;
    }

    static Function<Context, RunCaller> guestsByIp() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return ctx -> RunCaller.guestAt(ctx.ip(), salt);
    }
}
