package org.lectern.runner;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one run through its sandbox on a supervisor thread: hand over the code, stream the output, watch the limits,
 * and once the program is gone make sure nothing of it is left before the exit event goes out and the run is recorded.
 */
final class RunExecution {
    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);
    private static final Duration DRAIN_WAIT = Duration.ofSeconds(5);

    private final WarmPool pool;
    private final ExecutorService io;
    private final ScheduledExecutorService timer;
    private final RunLimits limits;
    private final Consumer<FinishedRun> recorder;

    RunExecution(
            WarmPool pool,
            ExecutorService io,
            ScheduledExecutorService timer,
            RunLimits limits,
            Consumer<FinishedRun> recorder) {
        this.pool = pool;
        this.io = io;
        this.timer = timer;
        this.limits = limits;
        this.recorder = recorder;
    }

    /**
     * @param sandboxFreed told once the run's sandbox is gone, before the exit event goes out, so that whoever hears
     *     of the end finds the run no longer counted among those going
     */
    void execute(Run run, Runnable sandboxFreed) {
        Instant startedAt = Instant.now();
        RunResult result;
        try {
            result = runInSandbox(run);
        } finally {
            sandboxFreed.run();
        }
        conclude(run, result, startedAt);
    }

    private RunResult runInSandbox(Run run) {
        if (run.imposed() != null) {
            return RunResult.withoutSandbox(run.imposed());
        }
        RunResult result;
        try (SandboxProcess sandbox = pool.take()) {
            sandbox.cgroup().running(run.request().graded() ? CpuWeights.Weight.GRADED : CpuWeights.Weight.LEARNER);
            result = supervise(run, sandbox);
        } catch (IOException | RuntimeException e) {
            log.error("Run {} failed in the runner itself", run.id(), e);
            run.output(RunEvent.Stream.STDERR, "Lectern could not run this code: the sandbox failed to start.\n");
            result = RunResult.withoutSandbox(RunStatus.ERROR);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = RunResult.withoutSandbox(RunStatus.STOPPED);
        }
        return result;
    }

    /** Ends a run: the one exit event, then the record. The sandbox is gone by now. */
    void conclude(Run run, RunResult result, Instant startedAt) {
        run.finish(result);
        recorder.accept(new FinishedRun(run, result, startedAt, Instant.now()));
    }

    private RunResult supervise(Run run, SandboxProcess sandbox) throws IOException, InterruptedException {
        long cpuBefore = sandbox.cgroup().cpuNanos();
        run.attach(sandbox);
        long start = System.nanoTime();
        run.started(start);
        try {
            sandbox.sendCode(run.request().code());
        } catch (IOException e) {
            if (run.imposed() == null) {
                throw e;
            }
            // stopped between "started" and here: the sandbox is already dead, which is no failure
        }
        List<Future<?>> pumps = List.of(
                io.submit(new OutputPump(run, RunEvent.Stream.STDOUT, sandbox.stdout())),
                io.submit(new OutputPump(run, RunEvent.Stream.STDERR, sandbox.stderr())));
        Future<?> feeder = io.submit(() -> run.input().pump(sandbox.stdin()));
        RunWatch watch = RunWatch.start(run, sandbox, cpuBefore, limits, timer);
        int exitCode = sandbox.waitFor();
        long wallNanos = System.nanoTime() - start;
        // the program is gone; a daemon it left behind dies with its namespace, and here for certain
        sandbox.kill();
        awaitAll(pumps);
        run.input().abandon();
        feeder.cancel(false);
        long peakTasks = watch.stopAndPeakTasks();
        Confinement cgroup = sandbox.cgroup();
        RunStatus status = RunStatus.settle(
                run.imposed(), cgroup.oomKills(), cgroup.taskLimitHits(), watch.cpuLimitReached(), exitCode);
        return new RunResult(
                status,
                status.endedByItself() ? exitCode : null,
                wallNanos / 1_000_000,
                watch.cpuNanos() / 1_000_000,
                cgroup.peakMemoryBytes() / 1024,
                Math.max(0, peakTasks - cgroup.ownTasks()),
                run.outputBytes(),
                status == RunStatus.TIMEOUT ? learnersFrames(run.stackDump()) : null);
    }

    /** The pumps end when the last process holding the pipes dies; that was just made sure of. */
    private static void awaitAll(List<Future<?>> pumps) throws InterruptedException {
        for (Future<?> pump : pumps) {
            try {
                pump.get(DRAIN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                log.warn("An output pump did not finish: {}", e.toString());
            }
        }
    }

    /** The bootstrap's own frames (its file is "<string>") mean nothing to the learner. */
    private static String learnersFrames(String dump) {
        if (dump == null) {
            return null;
        }
        return dump.lines().filter(l -> !l.contains("File \"<string>\"")).collect(Collectors.joining("\n", "", "\n"));
    }
}
