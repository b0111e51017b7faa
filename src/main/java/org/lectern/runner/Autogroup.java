package org.lectern.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's weight for the CPU against its sandboxes, where the kernel groups the processes of a session
 * ({@code sched_autogroup}, on in most distributions' kernels).
 *
 * <p>{@link CpuWeights} weighs the sandboxes' folder against the server's threads as if each were an ordinary process,
 * and so they are with autogroups off. With autogroups on, a process outside any cpu cgroup of its own (the server, in
 * a terminal or as a service) is scheduled inside its session's group, and that group as a whole weighs as one ordinary
 * process: a single graded check then weighed as much as every request thread together, and under a class of 200 a
 * chapter's slowest views waited behind the runs. So the server sets its session group's nice value to weigh as many
 * ordinary processes as there are cores ({@code /proc/self/autogroup}, which the kernel documents for this). Each nice
 * step is a factor of 1.25 in weight. Inside the group, threads keep their own priorities (the password hashing stays
 * behind the pages). The cores still go to the sandboxes whenever the server does not want them. The group is the
 * whole session's: run from a terminal, the terminal's other commands share it. A process in the kernel's root group
 * (as in some containers) reads an empty file; that group's weight cannot be changed, and the server leaves it.
 */
public final class Autogroup {
    private static final Logger log = LoggerFactory.getLogger(Autogroup.class);
    public static final Path SELF = Path.of("/proc/self/autogroup");
    private static final Pattern NICE = Pattern.compile("nice (-?\\d+)");

    private Autogroup() {}

    /** The nice value at which a group weighs about as much as {@code cores} ordinary processes: -3 for 2, -6 for 4. */
    static int niceFor(int cores) {
        if (cores <= 1) {
            return 0;
        }
        return (int) -Math.min(20, Math.round(Math.log(cores) / Math.log(1.25)));
    }

    /** The group's nice value as the file says ({@code /autogroup-85 nice 0}), if it says. */
    public static OptionalInt nice(String file) {
        Matcher m = NICE.matcher(file);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /**
     * Gives the group of the process behind {@code file} the weight of {@code cores} processes, unless it weighs that
     * much already. Returns the nice value it has afterwards, or empty where there are no autogroups or the file says
     * no nice value. A refusal (a server without the right to raise its priority) is logged, and the server goes on.
     */
    static OptionalInt weighAs(int cores, Path file) {
        int wanted = niceFor(cores);
        try {
            OptionalInt before = raise(file, wanted);
            if (before.isEmpty() || before.getAsInt() <= wanted) {
                return before;
            }
            log.info(
                    "The server's session group now weighs for the CPU as {} processes (nice {}) against its"
                            + " sandboxes",
                    cores,
                    wanted);
            return OptionalInt.of(wanted);
        } catch (IOException e) {
            log.warn(
                    "The server's session group keeps its weight for the CPU ({}): under load, chapter pages may wait"
                            + " behind runs",
                    e.toString());
            return OptionalInt.empty();
        }
    }

    /**
     * Sets the nice value of the group behind {@code file} to {@code nice} if it is higher (weighs less). Returns the
     * value it had before, or empty where there are no autogroups or the file says no nice value (nothing written).
     */
    public static OptionalInt raise(Path file, int nice) throws IOException {
        if (!Files.isRegularFile(file)) {
            return OptionalInt.empty();
        }
        OptionalInt before = nice(Files.readString(file));
        if (before.isPresent() && before.getAsInt() > nice) {
            Files.writeString(file, Integer.toString(nice));
        }
        return before;
    }
}
