package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This server's corner of the cgroup v1 hierarchies: {@code <root>/<controller>/<name>/<instance>/<sandbox>}. The
 * instance is named after the server's pid and start time, so a later server can tell a crashed one's leftovers from
 * those of another server that is still running, and remove only the leftovers.
 */
final class CgroupTree implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CgroupTree.class);
    private static final Pattern INSTANCE = Pattern.compile("(\\d+)-(\\d+)-[0-9a-f]+");

    /** pids, memory and cpuacct are needed for the limits and figures; cpu only shares the cores fairly. */
    static final List<String> REQUIRED = List.of("pids", "memory", "cpuacct");

    private static final String OPTIONAL = "cpu";

    private final Map<String, Path> instanceDirs;
    private final CpuWeights weights;
    private final AtomicLong sandboxes = new AtomicLong();

    private CgroupTree(Map<String, Path> instanceDirs, CpuWeights weights) {
        this.instanceDirs = instanceDirs;
        this.weights = weights;
    }

    /** Why cgroups cannot be used here, if they cannot. */
    static Optional<String> problem(Path root) {
        for (String controller : REQUIRED) {
            Path dir = root.resolve(controller);
            if (!Files.exists(dir.resolve("cgroup.procs"))) {
                return Optional.of("the cgroup v1 controller '" + controller + "' is not mounted at " + dir);
            }
            if (!Files.isWritable(dir)) {
                return Optional.of("the server may not create cgroups in " + dir + " (it must run as root)");
            }
        }
        return Optional.empty();
    }

    /** Opens this server's corner under {@code name}; its sandboxes weigh for the CPU as {@link CpuWeights} says. */
    static CgroupTree open(Path root, String name) throws IOException {
        ProcessHandle self = ProcessHandle.current();
        String instance = self.pid() + "-" + startMillis(self).orElse(0L) + "-"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, Path> dirs = new LinkedHashMap<>();
        CpuWeights weights = null;
        for (String controller : controllers(root)) {
            Path parent = Files.createDirectories(root.resolve(controller).resolve(name));
            removeLeftovers(parent);
            Path dir = Files.createDirectory(parent.resolve(instance));
            dirs.put(controller, dir);
            if (controller.equals(OPTIONAL)) {
                weights = new CpuWeights(parent, dir);
                weights.open();
                Autogroup.weighAs(Runtime.getRuntime().availableProcessors(), Autogroup.SELF);
            }
        }
        return new CgroupTree(dirs, weights);
    }

    /** A new, empty group for one sandbox, with its memory and task limits written. */
    CgroupV1 newGroup(long memoryBytes, int maxTasks) throws IOException {
        return CgroupV1.create(instanceDirs, "s" + sandboxes.incrementAndGet(), memoryBytes, maxTasks, weights);
    }

    /** The sandbox groups that exist now: after every run has ended, only the warm pool's. */
    List<Path> groups() {
        try (Stream<Path> children = Files.list(instanceDirs.get("pids"))) {
            return children.filter(Files::isDirectory).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** This server's folder in one controller, above all its sandbox groups. */
    Path instanceDir(String controller) {
        return instanceDirs.get(controller);
    }

    @Override
    public void close() {
        instanceDirs.values().forEach(CgroupTree::removeTree);
    }

    private static List<String> controllers(Path root) {
        return Files.exists(root.resolve(OPTIONAL).resolve("cgroup.procs"))
                ? Stream.concat(REQUIRED.stream(), Stream.of(OPTIONAL)).toList()
                : REQUIRED;
    }

    private static void removeLeftovers(Path parent) throws IOException {
        try (Stream<Path> children = Files.list(parent)) {
            for (Path dir : children.filter(Files::isDirectory).toList()) {
                Matcher m = INSTANCE.matcher(dir.getFileName().toString());
                if (m.matches() && !alive(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))) {
                    log.warn("Removing the sandbox cgroups {} left by a server that has gone", dir);
                    removeTree(dir);
                }
            }
        }
    }

    private static boolean alive(long pid, long startMillis) {
        return ProcessHandle.of(pid)
                .flatMap(CgroupTree::startMillis)
                .map(start -> start == startMillis)
                .orElse(false);
    }

    private static Optional<Long> startMillis(ProcessHandle process) {
        return process.info().startInstant().map(i -> i.toEpochMilli());
    }

    private static void removeTree(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            children.filter(Files::isDirectory).forEach(CgroupV1::killAndRemove);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", dir, e.toString());
        }
        CgroupV1.killAndRemove(dir);
    }
}
