package org.lectern.runner;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * What a web node knows of the runner nodes: each one's figures at its last heartbeat and when that came. A node
 * silent for longer than the limit, or one that said it is leaving, counts as gone.
 */
final class RunnerDirectory {
    private final long lostAfterNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Seen> nodes = new ConcurrentHashMap<>();

    private record Seen(RunWire.Heartbeat figures, long atNanos) {}

    /** Every node's figures added up; only the nodes still alive count. */
    record Totals(int nodes, int capacity, int active, int queued, int warm, int free) {}

    RunnerDirectory(Duration lostAfter, LongSupplier nanoTime) {
        this.lostAfterNanos = lostAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    void heard(RunWire.Heartbeat heartbeat) {
        nodes.put(heartbeat.node(), new Seen(heartbeat, nanoTime.getAsLong()));
    }

    /** A node just took a run: it is alive now, even if its first heartbeat has not arrived yet. */
    void tookRun(String node) {
        long now = nanoTime.getAsLong();
        nodes.compute(
                node,
                (id, seen) -> seen == null
                        ? new Seen(new RunWire.Heartbeat(id, 0, 0, 0, 0, 0, false), now)
                        : new Seen(seen.figures(), now));
    }

    /** After a break in the connection only fresh heartbeats say which nodes are there. */
    void forgetAll() {
        nodes.clear();
    }

    boolean gone(String node) {
        Seen seen = nodes.get(node);
        return seen == null || seen.figures().leaving() || nanoTime.getAsLong() - seen.atNanos() > lostAfterNanos;
    }

    Totals totals() {
        int count = 0, capacity = 0, active = 0, queued = 0, warm = 0, free = 0;
        long now = nanoTime.getAsLong();
        for (var it = nodes.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (gone(entry.getKey())) {
                // a node gone for long is forgotten; a recent one stays, so its runs can be ended as lost
                if (now - entry.getValue().atNanos() > 10 * lostAfterNanos) {
                    it.remove();
                }
                continue;
            }
            RunWire.Heartbeat h = entry.getValue().figures();
            count++;
            capacity += h.capacity();
            active += h.active();
            queued += h.queued();
            warm += h.warm();
            free += h.free();
        }
        return new Totals(count, capacity, active, queued, warm, free);
    }
}
