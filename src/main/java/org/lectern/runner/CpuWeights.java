package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How this server's sandboxes share the cores with everything else, through the cpu controller's {@code cpu.shares}.
 * Each busy sandbox weighs by what it is doing, and this server's folder, which competes with the server's own
 * threads, weighs the sum: a graded check as much as an ordinary process (1024), so that under load its wall-time
 * demands are judged as on a quiet machine; a learner's own run, and a sandbox starting up, a quarter of one (256), so
 * that pages get a core before them; a warm sandbox waiting for code nothing. The cores still go to the runs whenever
 * nothing else wants them. Without any weight every run would be starved as soon as the machine is busy, since a
 * group counts as a single process at the top; with every run weighed as a whole process, pages waited behind free
 * runs under load.
 *
 * <p>Where the kernel groups each session's processes ({@code sched_autogroup}), the server's threads are weighed as
 * one group, and {@link Autogroup} gives that group the weight of an ordinary process per core.
 *
 * <p>Several servers may share the cgroup name on one machine: the name's folder weighs what all their folders weigh,
 * summed again by whichever changes its own.
 */
final class CpuWeights {
    private static final Logger log = LoggerFactory.getLogger(CpuWeights.class);

    /** What a busy sandbox weighs. */
    enum Weight {
        /** A graded check's run: judged by its wall time, among other things. */
        GRADED(1024),
        /** A learner's own run, or a sandbox starting up. */
        LEARNER(256);

        final int shares;

        Weight(int shares) {
            this.shares = shares;
        }
    }

    /** The kernel's least weight: a folder with nothing busy inside. */
    static final int IDLE = 2;

    /** Servers in this JVM sharing a cgroup name (tests run several) sum their folders one at a time. */
    private static final Object NAME_LOCK = new Object();

    private final Path nameDir;
    private final Path instanceDir;
    private final Map<Path, Integer> busy = new HashMap<>();

    CpuWeights(Path nameDir, Path instanceDir) {
        this.nameDir = nameDir;
        this.instanceDir = instanceDir;
    }

    /** Starts at the least weight: nothing of this server is busy yet. */
    void open() throws IOException {
        write(instanceDir, IDLE);
        publish();
    }

    /** The sandbox in {@code group} is busy and weighs this much. */
    synchronized void busy(Path group, Weight weight) {
        try {
            write(group, weight.shares);
        } catch (IOException e) {
            log.warn("Cannot weigh the sandbox {}: {}", group, e.toString());
        }
        busy.put(group, weight.shares);
        publish();
    }

    /** The sandbox in {@code group} waits, or is gone: it weighs nothing any more. */
    synchronized void idle(Path group) {
        if (busy.remove(group) != null) {
            publish();
        }
    }

    /** This server's folder weighs its busy sandboxes, and the name's folder all its servers' folders. */
    private void publish() {
        int total = busy.values().stream().mapToInt(Integer::intValue).sum();
        synchronized (NAME_LOCK) {
            try {
                write(instanceDir, Math.max(IDLE, total));
                int all = 0;
                try (Stream<Path> instances = Files.list(nameDir)) {
                    for (Path instance : instances.filter(Files::isDirectory).toList()) {
                        all += read(instance);
                    }
                }
                write(nameDir, Math.max(IDLE, all));
            } catch (IOException e) {
                log.warn("Cannot weigh the sandboxes in {}: {}", instanceDir, e.toString());
            }
        }
    }

    private static int read(Path dir) {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("cpu.shares")).trim());
        } catch (IOException | NumberFormatException e) {
            // a folder removed meanwhile weighs nothing
            return 0;
        }
    }

    private static void write(Path dir, int shares) throws IOException {
        Files.writeString(dir.resolve("cpu.shares"), Integer.toString(shares));
    }
}
