package org.lectern.runner;

/**
 * What holds one sandbox's processes: where the run's figures come from, and how everything of it is killed. Cgroups
 * in the real sandbox; only the process tree in the unsandboxed development mode.
 */
interface Confinement {
    long cpuNanos();

    long peakMemoryBytes();

    /** Processes and threads alive now. */
    long tasks();

    /** The kernel's own high-water mark where it keeps one, else -1. */
    long peakTasks();

    long oomKills();

    /** How often a fork or thread start failed because the task limit was reached. */
    long taskLimitHits();

    /** SIGKILLs everything inside without waiting. */
    void killAll();

    /** Kills everything inside and waits until it is gone. */
    void destroy();

    /** Tasks that belong to the sandbox itself, not to the learner's program. */
    int ownTasks();

    /** The sandbox is ready and waits for code: it weighs nothing for the CPU (see {@link CpuWeights}). */
    default void waiting() {}

    /** A run of this weight starts in the sandbox. */
    default void running(CpuWeights.Weight weight) {}
}
