package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lectern.concurrent.Threads;

/**
 * The parts of the runner that exist only where sandboxes can be made: the cgroups, the warm pool, the supervisors,
 * and the threads they use, each pool sized on purpose (Java 17 has no virtual threads).
 */
final class RunnerEngine implements AutoCloseable {
    private final CgroupTree cgroups;
    private final ScheduledThreadPoolExecutor timer;
    private final ExecutorService io;
    private final ExecutorService starter;
    private final WarmPool pool;
    private final RunSupervisor supervisor;

    private RunnerEngine(RunnerConfig config, CgroupTree cgroups, Consumer<FinishedRun> recorder) {
        RunnerConfig.Capacity capacity = config.capacity();
        this.cgroups = cgroups;
        this.timer = new ScheduledThreadPoolExecutor(1, Threads.named("runner-timer"));
        timer.setRemoveOnCancelPolicy(true);
        // per run: a pump for stdout, one for stderr, and the stdin feeder
        this.io = Executors.newFixedThreadPool(3 * capacity.concurrency() + 2, Threads.named("runner-io"));
        // starting a sandbox is mostly waiting for the kernel (cgroup mkdir, namespaces), so each warm slot gets a
        // thread: under load the pool refills in parallel instead of one sandbox at a time
        this.starter = Executors.newFixedThreadPool(Math.max(1, capacity.warmPool()), Threads.named("runner-warm"));
        // a uid for each sandbox that can be alive at once: one per run going, one per warm sandbox
        SandboxLauncher sandbox;
        if (cgroups == null) {
            sandbox = new UnsandboxedPython(config.sandbox().python(), config.limits(), timer);
        } else {
            UidPool uids = new UidPool(config.sandbox().firstUid(), capacity.concurrency() + capacity.warmPool() + 2);
            sandbox = new BwrapSandbox(config.sandbox(), config.limits(), cgroups, uids, timer);
        }
        this.pool = new WarmPool(sandbox, capacity.warmPool(), starter);
        RunExecution execution = new RunExecution(pool, io, timer, config.limits(), recorder);
        this.supervisor = new RunSupervisor(
                capacity.concurrency(), capacity.queueSize(), execution, Threads.named("runner-supervisor"));
    }

    /**
     * Starts the engine and one sandbox as a probe; the exception's message says why sandboxes cannot be made. In the
     * unsandboxed mode there are no cgroups, only the interpreter.
     */
    static RunnerEngine start(RunnerConfig config, Consumer<FinishedRun> recorder) throws IOException {
        String problem = config.sandbox().unsandboxed()
                ? (Files.isExecutable(config.sandbox().python())
                        ? null
                        : config.sandbox().python() + " is missing or not executable")
                : BwrapSandbox.problem(config.sandbox()).orElse(null);
        if (problem != null) {
            throw new IOException(problem);
        }
        CgroupTree cgroups = config.sandbox().unsandboxed()
                ? null
                : CgroupTree.open(
                        config.sandbox().cgroupRoot(), config.sandbox().cgroupName());
        RunnerEngine engine = new RunnerEngine(config, cgroups, recorder);
        try {
            engine.pool.take().close();
        } catch (IOException | RuntimeException e) {
            engine.close();
            throw new IOException(e.getMessage(), e);
        }
        engine.pool.fill();
        return engine;
    }

    RunSupervisor supervisor() {
        return supervisor;
    }

    int warmSandboxes() {
        return pool.ready();
    }

    CgroupTree cgroups() {
        return cgroups;
    }

    /** Stops every run and kills every sandbox, then removes this server's cgroups. */
    @Override
    public void close() {
        supervisor.close();
        pool.close();
        shutdown(starter);
        pool.close();
        shutdown(io);
        shutdown(timer);
        if (cgroups != null) {
            cgroups.close();
        }
    }

    private static void shutdown(ExecutorService executor) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
