package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sandbox's cgroups: a directory in each v1 controller, made (with its limits) before the sandbox starts, and
 * removed once nothing is left in it. It is also where the run's figures come from: the sandbox's own rusage would only
 * describe bwrap.
 */
final class CgroupV1 implements Confinement {
    private static final Logger log = LoggerFactory.getLogger(CgroupV1.class);
    private static final Duration EMPTY_WAIT = Duration.ofSeconds(5);

    private final Map<String, Path> dirs;
    private final CgroupFigures figures = new CgroupFigures();
    private final CpuWeights weights;

    private CgroupV1(Map<String, Path> dirs, CpuWeights weights) {
        this.dirs = dirs;
        this.weights = weights;
    }

    /**
     * Makes the directories under each controller's parent and writes the limits; undoes itself if any step fails.
     * The sandbox starting in it weighs as a learner's run.
     *
     * @param weights null where the cpu controller is not mounted
     */
    static CgroupV1 create(Map<String, Path> parents, String name, long memoryBytes, int maxTasks, CpuWeights weights)
            throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        CgroupV1 group = new CgroupV1(dirs, weights);
        try {
            for (var parent : parents.entrySet()) {
                dirs.put(
                        parent.getKey(), Files.createDirectory(parent.getValue().resolve(name)));
            }
            write(dirs.get("pids").resolve("pids.max"), maxTasks);
            Path memory = dirs.get("memory");
            write(memory.resolve("memory.limit_in_bytes"), memoryBytes);
            if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                // without this, a machine with swap would let the run page out instead of meeting its limit
                write(memory.resolve("memory.memsw.limit_in_bytes"), memoryBytes);
            }
            group.running(CpuWeights.Weight.LEARNER);
            return group;
        } catch (IOException | RuntimeException e) {
            group.destroy();
            throw e;
        }
    }

    /**
     * Starts a process inside this group: the calling thread moves itself in, starts it (a child is born in its parent
     * thread's cgroups) and moves back out. Cgroup v1 lets a single thread move, and moving oneself ("0" into
     * {@code tasks}) skips the machine-wide lock that moving a whole process takes, which waits for an RCU grace
     * period; it also spares the sandbox a shell whose only job was to write its pid into the groups.
     */
    Process startInside(ProcessBuilder builder) throws IOException {
        Map<String, Path> home = threadHome();
        if (!home.keySet().containsAll(dirs.keySet())) {
            throw new IOException("cannot tell this thread's own cgroups from /proc/thread-self/cgroup");
        }
        try {
            moveInto(dirs, "0");
            return builder.start();
        } finally {
            moveInto(home, "0");
            // Process.start may have begun a reaper thread for the child: born in here, it must go home too
            for (String thread : strayThreads()) {
                moveInto(home, thread);
            }
        }
    }

    private void moveInto(Map<String, Path> groups, String thread) throws IOException {
        for (String controller : dirs.keySet()) {
            Files.writeString(groups.get(controller).resolve("tasks"), thread);
        }
    }

    /** Threads of this server inside the group (their ids in its tasks file that are also under /proc/self/task). */
    private List<String> strayThreads() throws IOException {
        List<String> threads = new ArrayList<>();
        for (String line : Files.readAllLines(dirs.get("pids").resolve("tasks"))) {
            String tid = line.trim();
            if (!tid.isEmpty() && Files.exists(Path.of("/proc/self/task", tid))) {
                threads.add(tid);
            }
        }
        return threads;
    }

    /** Where the calling thread sits now in each controller of this group, from /proc/thread-self/cgroup. */
    private Map<String, Path> threadHome() throws IOException {
        Map<String, Path> home = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/thread-self/cgroup"))) {
            // "7:pids:/some/path", or "4:cpu,cpuacct:/path" where controllers share a hierarchy
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            for (String controller : parts[1].split(",")) {
                Path dir = dirs.get(controller);
                if (dir != null) {
                    Path mount = mountOf(controller, dir);
                    home.put(controller, mount.resolve(parts[2].substring(1)));
                }
            }
        }
        return home;
    }

    /**
     * The controller's mount point: the group lies below it, in a folder named by the controller. The topmost such
     * folder, since the runner's own folder may be named like a controller too.
     */
    private static Path mountOf(String controller, Path dir) {
        Path mount = null;
        for (Path p = dir; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().equals(controller)) {
                mount = p;
            }
        }
        if (mount == null) {
            throw new IllegalStateException(dir + " is not below a folder named " + controller);
        }
        return mount;
    }

    @Override
    public long cpuNanos() {
        return figures.number(dirs.get("cpuacct").resolve("cpuacct.usage"));
    }

    @Override
    public long peakMemoryBytes() {
        return figures.number(dirs.get("memory").resolve("memory.max_usage_in_bytes"));
    }

    @Override
    public long tasks() {
        return figures.number(dirs.get("pids").resolve("pids.current"));
    }

    /** pids.peak, which newer kernels keep. */
    @Override
    public long peakTasks() {
        Path peak = dirs.get("pids").resolve("pids.peak");
        return Files.exists(peak) ? figures.number(peak) : -1;
    }

    @Override
    public long oomKills() {
        return figures.field(dirs.get("memory").resolve("memory.oom_control"), "oom_kill");
    }

    @Override
    public long taskLimitHits() {
        return figures.field(dirs.get("pids").resolve("pids.events"), "max");
    }

    @Override
    public void killAll() {
        killAll(dirs.get("pids"));
    }

    /** Kills everything inside, waits until the cgroups are empty and removes them. */
    @Override
    public void destroy() {
        waiting();
        figures.close();
        dirs.values().forEach(CgroupV1::killAndRemove);
    }

    @Override
    public int ownTasks() {
        return BwrapSandbox.OWN_TASKS;
    }

    @Override
    public void waiting() {
        Path cpu = dirs.get("cpu");
        if (weights != null && cpu != null) {
            weights.idle(cpu);
        }
    }

    @Override
    public void running(CpuWeights.Weight weight) {
        Path cpu = dirs.get("cpu");
        if (weights != null && cpu != null) {
            weights.busy(cpu, weight);
        }
    }

    /** Also used on the leftovers of a server that died without cleaning up. */
    static void killAndRemove(Path dir) {
        long deadline = System.nanoTime() + EMPTY_WAIT.toNanos();
        long pause = 50_000;
        while (Files.isDirectory(dir)) {
            try {
                // the sandbox was killed before it was closed, so its groups are usually empty by now
                Files.deleteIfExists(dir);
                return;
            } catch (IOException stillBusy) {
                if (System.nanoTime() > deadline) {
                    log.warn("Cgroup {} still has processes after {}; leaving it", dir, EMPTY_WAIT);
                    return;
                }
            }
            killAll(dir);
            // cgroup v1 sends no event when a group empties: back off briefly and look again
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
    }

    private static void killAll(Path dir) {
        long self = ProcessHandle.current().pid();
        for (long pid : pids(dir)) {
            // the server itself shows up here for the moment one of its threads is inside, starting a sandbox
            if (pid != self) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            }
        }
    }

    private static List<Long> pids(Path dir) {
        List<Long> pids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
                if (!line.isBlank()) {
                    pids.add(Long.parseLong(line.trim()));
                }
            }
        } catch (IOException e) {
            // a group being removed answers "no such device" for a moment; that is not worth a warning
            if (Files.isDirectory(dir)) {
                log.warn("Cannot read the processes of {}: {}", dir, e.toString());
            }
        }
        return pids;
    }

    private static void write(Path file, long value) throws IOException {
        Files.writeString(file, Long.toString(value));
    }
}
