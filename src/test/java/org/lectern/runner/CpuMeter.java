package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time per run or process in the benchmark, from cgroup v1 cpuacct: the benchmark's own JVM (server, clients and
 * the bare interpreters it starts, all in one group made for it) plus this server's sandbox groups. Unlike wall-clock
 * rates it hardly depends on what else the machine is doing, so it shows where a change saves work. The kernel's own
 * threads (namespace and cgroup teardown) are not counted.
 */
final class CpuMeter {
    private static final Path CPUACCT = Path.of("/sys/fs/cgroup/cpuacct");

    private final Path sandboxes;
    private long startJvm;
    private long startSandboxes;
    private long jvmNanos;
    private long sandboxNanos;
    private double count;

    CpuMeter(RunnerServer server) {
        this.sandboxes = server.module.engine().cgroups().instanceDir("cpuacct");
    }

    /** Moves this JVM into a cpuacct group of its own; returns the group, or null where that cannot be done. */
    static Path isolateJvm() {
        Path group =
                CPUACCT.resolve("lectern-bench-jvm-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(group);
            Files.writeString(
                    group.resolve("cgroup.procs"),
                    Long.toString(ProcessHandle.current().pid()));
            return group;
        } catch (IOException e) {
            return null;
        }
    }

    /** Moves this JVM back to the top group and removes its own. */
    static void release(Path group) {
        try {
            Files.writeString(
                    CPUACCT.resolve("cgroup.procs"),
                    Long.toString(ProcessHandle.current().pid()));
            Files.deleteIfExists(group);
        } catch (IOException e) {
            System.out.println("Could not remove " + group + ": " + e);
        }
    }

    void begin() {
        startJvm = read(jvmGroup());
        startSandboxes = read(sandboxes);
    }

    void end(double runs) {
        jvmNanos += read(jvmGroup()) - startJvm;
        sandboxNanos += read(sandboxes) - startSandboxes;
        count += runs;
    }

    /** CPU ms each in all, then the part spent in sandbox groups. */
    @Override
    public String toString() {
        return count == 0
                ? "-"
                : String.format(
                        "%.1f (sandboxes %.1f)", (jvmNanos + sandboxNanos) / count / 1e6, sandboxNanos / count / 1e6);
    }

    private static Path jvmGroup() {
        return CPUACCT.resolve("lectern-bench-jvm-" + ProcessHandle.current().pid());
    }

    private static long read(Path group) {
        try {
            return Long.parseLong(
                    Files.readString(group.resolve("cpuacct.usage")).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
