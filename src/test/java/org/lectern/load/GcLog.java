package org.lectern.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The server's collections, as its {@code -Xlog:gc} file tells them: young and full pauses and how long they took. */
record GcLog(List<Double> youngMillis, List<Double> fullMillis) {
    private static final Pattern PAUSE = Pattern.compile("^\\[([0-9.]+)s\\].*\\bPause (Young|Full)\\b.* ([0-9.]+)ms$");

    /** The JVM option that writes the log to {@code file}. */
    static String option(Path file) {
        return "-Xlog:gc:file=" + file;
    }

    /** The pauses that began at or after {@code fromUptimeSeconds} of the JVM's life; none if there is no log. */
    static GcLog read(Path file, double fromUptimeSeconds) {
        List<Double> young = new ArrayList<>();
        List<Double> full = new ArrayList<>();
        if (!Files.exists(file)) {
            return new GcLog(young, full);
        }
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = PAUSE.matcher(line.trim());
                if (m.matches() && Double.parseDouble(m.group(1)) >= fromUptimeSeconds) {
                    (m.group(2).equals("Full") ? full : young).add(Double.parseDouble(m.group(3)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GcLog(young, full);
    }

    GcLog plus(GcLog other) {
        List<Double> young = new ArrayList<>(youngMillis);
        young.addAll(other.youngMillis);
        List<Double> full = new ArrayList<>(fullMillis);
        full.addAll(other.fullMillis);
        return new GcLog(young, full);
    }

    @Override
    public String toString() {
        return String.format(
                "%d young (mean %.1f ms, longest %.0f ms), %d full (longest %.0f ms)",
                youngMillis.size(),
                youngMillis.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                youngMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                fullMillis.size(),
                fullMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
