package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The unsandboxed mode's stand-in for cgroups: the interpreter and its descendants, sampled from /proc whenever the
 * watch asks. Without cgroups the figures are samples (what ended between two looks is missed), no memory or process
 * limit holds, and a process that leaves both the tree and the run's process group (a daemon that calls setsid) is
 * killed only if a sample saw it.
 */
final class ProcessTree implements Confinement {
    private static final Logger log = LoggerFactory.getLogger(ProcessTree.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final ProcessHandle root;
    private final Path workdir;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private static final Duration SCAN_INTERVAL = Duration.ofMillis(100);
    private volatile long cpuNanos;
    private volatile long peakBytes;
    private volatile long threads;
    private long lastScan = System.nanoTime() - SCAN_INTERVAL.toNanos();

    ProcessTree(ProcessHandle root, Path workdir) {
        this.root = root;
        this.workdir = workdir;
        seen.add(root);
    }

    @Override
    public long cpuNanos() {
        scan();
        return cpuNanos;
    }

    @Override
    public long peakMemoryBytes() {
        return peakBytes;
    }

    /** Threads of every process in the tree, as of the last look. */
    @Override
    public long tasks() {
        scan();
        return threads;
    }

    /**
     * Looks at the tree at most every {@link #SCAN_INTERVAL}: listing descendants walks all of /proc, and the watch
     * asks every 10 ms on a timer that every run shares.
     */
    private synchronized void scan() {
        long now = System.nanoTime();
        if (now - lastScan < SCAN_INTERVAL.toNanos()) {
            return;
        }
        lastScan = now;
        long cpu = 0;
        long liveThreads = 0;
        long bytes = 0;
        for (ProcessHandle p : members().toList()) {
            seen.add(p);
            cpu += p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            for (String line : status(p)) {
                if (line.startsWith("Threads:")) {
                    liveThreads += number(line);
                } else if (line.startsWith("VmRSS:")) {
                    bytes += number(line) * 1024;
                }
            }
        }
        // what ended between two looks took its CPU time with it: never report less than was seen
        cpuNanos = Math.max(cpuNanos, cpu);
        peakBytes = Math.max(peakBytes, bytes);
        threads = liveThreads;
    }

    @Override
    public long peakTasks() {
        return -1;
    }

    @Override
    public int ownTasks() {
        return 0;
    }

    @Override
    public long oomKills() {
        return 0;
    }

    @Override
    public long taskLimitHits() {
        return 0;
    }

    /** The tree, whatever a sample saw, and the process group the bootstrap made (which reparented children keep). */
    @Override
    public void killAll() {
        members().forEach(seen::add);
        seen.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        killGroup().ifPresent(seen::add);
    }

    /** Java cannot signal a process group, kill(1) can; the watch's timer does not wait for it. */
    private Optional<ProcessHandle> killGroup() {
        try {
            ProcessBuilder kill = new ProcessBuilder("/bin/kill", "-KILL", "--", "-" + root.pid())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            kill.environment().clear();
            return Optional.of(kill.start().toHandle());
        } catch (IOException e) {
            log.warn("Could not kill the process group of an unsandboxed run: {}", e.toString());
            return Optional.empty();
        }
    }

    /** Kills the tree, waits for it to go, and removes the run's folder. */
    @Override
    public void destroy() {
        killAll();
        for (ProcessHandle p : seen) {
            try {
                p.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                log.warn("Process {} of an unsandboxed run did not end: {}", p.pid(), e.toString());
            }
        }
        removeFolder(workdir);
    }

    static void removeFolder(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            log.warn("Could not remove {}: {}", dir, e.toString());
        }
    }

    private Stream<ProcessHandle> members() {
        return Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive);
    }

    private static List<String> status(ProcessHandle p) {
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "status"));
        } catch (IOException gone) {
            return List.of();
        }
    }

    private static long number(String line) {
        String digits = line.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits);
    }
}
