package org.lectern.runner;

import java.time.Duration;
import java.util.Locale;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/**
 * What one run may use. Time, CPU, memory and processes count the whole process tree; when one of those or the output
 * limit is hit the tree is killed. File size, open files and the sizes of /tmp and /dev/shm make the system call fail
 * inside the sandbox instead, so the learner sees Python's own error.
 */
public record RunLimits(
        Duration wallTime,
        Duration cpuTime,
        long memoryBytes,
        int processes,
        long outputBytes,
        long fileSizeBytes,
        int openFiles,
        long tmpBytes,
        long shmBytes) {

    /** Room for {@code multiprocessing.Pool(4)} and 32 threads, while one run cannot hurt the machine. */
    public static RunLimits defaults() {
        return new RunLimits(
                Duration.ofSeconds(10),
                Duration.ofSeconds(15),
                256L << 20,
                128,
                1L << 20,
                16L << 20,
                256,
                64L << 20,
                64L << 20);
    }

    static RunLimits fromSettings(Settings s) {
        RunLimits d = defaults();
        return new RunLimits(
                duration(s, "LECTERN_RUNNER_WALL_TIME", d.wallTime),
                duration(s, "LECTERN_RUNNER_CPU_TIME", d.cpuTime),
                positive("LECTERN_RUNNER_MEMORY", s.bytes("LECTERN_RUNNER_MEMORY", d.memoryBytes)),
                (int) positive("LECTERN_RUNNER_PROCESSES", s.integer("LECTERN_RUNNER_PROCESSES", d.processes)),
                positive("LECTERN_RUNNER_OUTPUT", s.bytes("LECTERN_RUNNER_OUTPUT", d.outputBytes)),
                positive("LECTERN_RUNNER_FILE_SIZE", s.bytes("LECTERN_RUNNER_FILE_SIZE", d.fileSizeBytes)),
                (int) positive("LECTERN_RUNNER_OPEN_FILES", s.integer("LECTERN_RUNNER_OPEN_FILES", d.openFiles)),
                positive("LECTERN_RUNNER_TMP_SIZE", s.bytes("LECTERN_RUNNER_TMP_SIZE", d.tmpBytes)),
                positive("LECTERN_RUNNER_SHM_SIZE", s.bytes("LECTERN_RUNNER_SHM_SIZE", d.shmBytes)));
    }

    /** A duration such as 10s, 500ms, 2m, or a bare number of seconds. */
    static Duration parseDuration(String name, String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            Duration d;
            if (v.endsWith("ms")) {
                d = Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            } else if (v.endsWith("s")) {
                d = Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
            } else if (v.endsWith("m")) {
                d = Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
            } else {
                d = Duration.ofSeconds(Long.parseLong(v));
            }
            positive(name, d.toMillis());
            return d;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a duration such as 10s or 500ms, not '" + value + "'");
        }
    }

    static long positive(String name, long value) {
        if (value <= 0) {
            throw new ConfigException(name + " must be above zero, not " + value);
        }
        return value;
    }

    private static Duration duration(Settings s, String name, Duration fallback) {
        String value = s.get(name, null);
        return value == null ? fallback : parseDuration(name, value);
    }
}
