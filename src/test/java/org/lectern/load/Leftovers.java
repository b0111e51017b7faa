package org.lectern.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What a killed server may leave on the machine: its sandbox processes and its cgroups. */
public final class Leftovers {
    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");
    private static final List<String> CONTROLLERS = List.of("pids", "memory", "cpuacct", "cpu");

    private Leftovers() {}

    /** The processes of these that still live, and the cgroup folders the server with this pid made. */
    public static List<String> of(long serverPid, List<Long> sandboxPids, String cgroupName) {
        List<String> found = new ArrayList<>();
        for (long pid : sandboxPids) {
            ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> !hasEnded(pid))
                    .ifPresent(p -> found.add(
                            "process " + pid + " " + p.info().commandLine().orElse("?")));
        }
        found.addAll(cgroups(serverPid, cgroupName));
        return found;
    }

    /**
     * Gone, or a zombie: a zombie has ended and holds nothing but its pid: once the killed server is gone its children belong to init,
     * whose job reaping them is (and which on some machines does it late). Java counts a zombie as alive.
     */
    private static boolean hasEnded(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // pid (command) state ...: the command may hold spaces and parentheses, so read after the last ')'
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException | RuntimeException gone) {
            return true;
        }
    }

    /** The instance folders (named {@code <pid>-<start>-<random>}) of the server with this pid. */
    public static List<String> cgroups(long serverPid, String cgroupName) {
        List<String> found = new ArrayList<>();
        for (String controller : CONTROLLERS) {
            Path parent = CGROUPS.resolve(controller).resolve(cgroupName);
            if (!Files.isDirectory(parent)) {
                continue;
            }
            try (Stream<Path> instances = Files.list(parent)) {
                instances
                        .filter(dir -> dir.getFileName().toString().startsWith(serverPid + "-"))
                        .forEach(dir -> found.add("cgroup " + dir));
            } catch (IOException e) {
                found.add("cannot list " + parent + ": " + e.getMessage());
            }
        }
        return found;
    }
}
