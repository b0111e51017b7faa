package org.lectern.runner;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a running sandbox from the timer thread. Every few milliseconds it samples the cgroups for the largest number
 * of tasks and for the CPU, memory and process limits; at the wall-time limit it asks Python for every thread's stack
 * (SIGUSR1, which the bootstrap gave to faulthandler) and kills the tree a moment later.
 */
final class RunWatch {
    private static final Logger log = LoggerFactory.getLogger(RunWatch.class);
    private static final long SAMPLE_MILLIS = 10;
    private static final long DUMP_GRACE_MILLIS = 200;

    private final Run run;
    private final SandboxProcess sandbox;
    private final long cpuBefore;
    private final long cpuLimitNanos;
    private final ScheduledExecutorService timer;
    private final List<ScheduledFuture<?>> tasks;
    private volatile long peakTasks;

    private RunWatch(
            Run run, SandboxProcess sandbox, long cpuBefore, RunLimits limits, ScheduledExecutorService timer) {
        this.run = run;
        this.sandbox = sandbox;
        this.cpuBefore = cpuBefore;
        this.cpuLimitNanos = limits.cpuTime().toNanos();
        this.timer = timer;
        this.tasks = List.of(
                timer.scheduleAtFixedRate(this::sample, SAMPLE_MILLIS, SAMPLE_MILLIS, TimeUnit.MILLISECONDS),
                timer.schedule(this::wallTimeUp, limits.wallTime().toMillis(), TimeUnit.MILLISECONDS));
    }

    static RunWatch start(
            Run run, SandboxProcess sandbox, long cpuBefore, RunLimits limits, ScheduledExecutorService timer) {
        return new RunWatch(run, sandbox, cpuBefore, limits, timer);
    }

    /** Stops watching and reads the final figures, once the tree is dead. */
    long stopAndPeakTasks() {
        tasks.forEach(t -> t.cancel(false));
        sample();
        return Math.max(peakTasks, sandbox.cgroup().peakTasks());
    }

    long cpuNanos() {
        return sandbox.cgroup().cpuNanos() - cpuBefore;
    }

    boolean cpuLimitReached() {
        return cpuNanos() >= cpuLimitNanos;
    }

    private void sample() {
        Confinement cgroup = sandbox.cgroup();
        peakTasks = Math.max(peakTasks, cgroup.tasks());
        if (run.imposed() != null) {
            return;
        }
        // a fork bomb soon fills the memory too: the task limit it hit first is the cause to report
        if (cgroup.taskLimitHits() > 0) {
            run.impose(RunStatus.PROCESS_LIMIT);
        } else if (cgroup.oomKills() > 0) {
            run.impose(RunStatus.MEMORY_LIMIT);
        } else if (cpuLimitReached()) {
            run.impose(RunStatus.CPU_LIMIT);
        }
    }

    private void wallTimeUp() {
        if (!run.claim(RunStatus.TIMEOUT)) {
            return;
        }
        run.captureDump();
        sandbox.interpreter().ifPresent(RunWatch::askForStacks);
        timer.schedule(sandbox::kill, DUMP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static void askForStacks(ProcessHandle python) {
        try {
            ProcessBuilder kill = new ProcessBuilder("/bin/kill", "-USR1", Long.toString(python.pid()));
            kill.environment().clear();
            kill.start();
        } catch (IOException e) {
            log.warn("Could not ask a timed-out run for its stacks: {}", e.toString());
        }
    }
}
