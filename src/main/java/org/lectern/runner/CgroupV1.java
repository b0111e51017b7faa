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
final class CgroupV1 {
    private static final Logger log = LoggerFactory.getLogger(CgroupV1.class);
    private static final Duration EMPTY_WAIT = Duration.ofSeconds(5);

    private final Map<String, Path> dirs;

    private CgroupV1(Map<String, Path> dirs) {
        this.dirs = dirs;
    }

    /** Makes the directories under each controller's parent and writes the limits; undoes itself if any step fails. */
    static CgroupV1 create(Map<String, Path> parents, String name, long memoryBytes, int maxTasks) throws IOException {
        Map<String, Path> dirs = new LinkedHashMap<>();
        CgroupV1 group = new CgroupV1(dirs);
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
            return group;
        } catch (IOException | RuntimeException e) {
            group.destroy();
            throw e;
        }
    }

    /** The files a launcher writes its own pid into, so everything it starts is born inside. */
    List<Path> procsFiles() {
        return dirs.values().stream().map(d -> d.resolve("cgroup.procs")).toList();
    }

    long cpuNanos() {
        return readLong(dirs.get("cpuacct").resolve("cpuacct.usage"));
    }

    long peakMemoryBytes() {
        return readLong(dirs.get("memory").resolve("memory.max_usage_in_bytes"));
    }

    /** Processes and threads alive now. */
    long tasks() {
        return readLong(dirs.get("pids").resolve("pids.current"));
    }

    /** The kernel's own high-water mark where it keeps one (pids.peak, newer kernels), else -1. */
    long peakTasks() {
        Path peak = dirs.get("pids").resolve("pids.peak");
        return Files.exists(peak) ? readLong(peak) : -1;
    }

    long oomKills() {
        return readField(dirs.get("memory").resolve("memory.oom_control"), "oom_kill");
    }

    /** How often a fork or thread start failed because the task limit was reached. */
    long taskLimitHits() {
        return readField(dirs.get("pids").resolve("pids.events"), "max");
    }

    /** SIGKILLs everything inside without waiting. */
    void killAll() {
        killAll(dirs.get("pids"));
    }

    /** Kills everything inside, waits until the cgroups are empty and removes them. */
    void destroy() {
        dirs.values().forEach(CgroupV1::killAndRemove);
    }

    /** Also used on the leftovers of a server that died without cleaning up. */
    static void killAndRemove(Path dir) {
        long deadline = System.nanoTime() + EMPTY_WAIT.toNanos();
        long pause = 50_000;
        while (Files.isDirectory(dir)) {
            killAll(dir);
            try {
                Files.deleteIfExists(dir);
                return;
            } catch (IOException stillBusy) {
                if (System.nanoTime() > deadline) {
                    log.warn("Cgroup {} still has processes after {}; leaving it", dir, EMPTY_WAIT);
                    return;
                }
            }
            // cgroup v1 sends no event when a group empties: back off briefly and look again
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, 20_000_000);
        }
    }

    private static void killAll(Path dir) {
        for (long pid : pids(dir)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
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

    private static long readLong(Path file) {
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Reads {@code name value} from a flat keyed file such as memory.oom_control. */
    private static long readField(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2 && parts[0].equals(name)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
