package org.lectern.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * What a load run measured: latencies per kind of request, runs by status, checks by outcome, errors by kind.
 * Thread-safe.
 */
public final class Figures {
    private final ConcurrentLinkedQueue<Sample> timeline = new ConcurrentLinkedQueue<>();
    private final long origin = System.nanoTime();
    private final Map<String, LongAdder> runs = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> checks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger openSockets = new AtomicInteger();
    private final AtomicInteger mostOpenSockets = new AtomicInteger();

    /** A request of this kind that got its answer after this many nanoseconds. */
    void latency(String kind, long nanos) {
        timeline.add(new Sample(kind, System.nanoTime() - origin, nanos));
    }

    /** One answered request: its kind, when it was answered and how long it took, in nanoseconds. */
    record Sample(String kind, long answeredAt, long nanos) {}

    /**
     * Every request as a CSV row (kind, seconds since the run began when it was answered, milliseconds it took), in
     * the order they were answered: to see when the slow ones came.
     */
    public void writeTimeline(Path file) throws IOException {
        try (var out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("kind,answered_s,ms");
            timeline.stream()
                    .sorted(Comparator.comparingLong(Sample::answeredAt))
                    .forEach(s ->
                            out.printf(Locale.ROOT, "%s,%.3f,%.2f%n", s.kind(), s.answeredAt() / 1e9, s.nanos() / 1e6));
        }
    }

    void run(String status) {
        runs.computeIfAbsent(status, k -> new LongAdder()).increment();
    }

    /** How a challenge's Check ended: which code got which verdict, or why it got none. */
    void check(String outcome) {
        checks.computeIfAbsent(outcome, k -> new LongAdder()).increment();
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    /** Something worth counting that is neither a run nor an error, e.g. a right or a wrong answer. */
    void outcome(String name) {
        outcomes.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    void socketOpened() {
        mostOpenSockets.accumulateAndGet(openSockets.incrementAndGet(), Math::max);
    }

    void socketClosed() {
        openSockets.decrementAndGet();
    }

    /** The most runner WebSockets the learners had open at once. */
    public int mostOpenSockets() {
        return mostOpenSockets.get();
    }

    public Map<String, Long> outcomes() {
        return counts(outcomes);
    }

    public long errors(String prefix) {
        return errors.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    public Map<String, Long> errors() {
        return counts(errors);
    }

    public Map<String, Long> runs() {
        return counts(runs);
    }

    public Map<String, Long> checks() {
        return counts(checks);
    }

    public long count(String kind) {
        return timeline.stream().filter(s -> s.kind().equals(kind)).count();
    }

    /** The q-quantile (0..1) of this kind's latencies in milliseconds, or -1 when there are none. */
    public double percentileMillis(String kind, double q) {
        List<Long> sorted = timeline.stream()
                .filter(s -> s.kind().equals(kind))
                .map(Sample::nanos)
                .sorted()
                .toList();
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6;
    }

    /** A table: per kind, requests, requests/s over the given seconds, p50, p95, p99 and max in ms. */
    public String table(double seconds) {
        StringBuilder out = new StringBuilder(String.format(
                "%-22s %8s %8s %9s %9s %9s %9s%n", "kind", "count", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        for (String kind : timeline.stream().map(Sample::kind).collect(Collectors.toCollection(TreeSet::new))) {
            out.append(String.format(
                    "%-22s %8d %8.1f %9.1f %9.1f %9.1f %9.1f%n",
                    kind,
                    count(kind),
                    count(kind) / seconds,
                    percentileMillis(kind, 0.50),
                    percentileMillis(kind, 0.95),
                    percentileMillis(kind, 0.99),
                    percentileMillis(kind, 1.0)));
        }
        return out.toString();
    }

    private static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> out = new TreeMap<>();
        adders.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
