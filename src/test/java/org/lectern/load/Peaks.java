package org.lectern.load;

import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.testing.LecternProcess;

/**
 * The most resident memory (VmHWM) and threads each of the bench's processes was seen with, by name, in the order they
 * were first seen. A web server restarted after a kill keeps its name, so its figure is the higher of its two lives.
 */
final class Peaks {
    record Peak(long rssKib, long threads) {
        Peak max(Peak other) {
            return new Peak(Math.max(rssKib, other.rssKib), Math.max(threads, other.threads));
        }

        @Override
        public String toString() {
            return String.format("%.1f MB, %d threads", rssKib / 1024.0, threads);
        }
    }

    private final Map<String, Peak> peaks = new LinkedHashMap<>();

    /** Reads the process's figures now; a process that has gone adds nothing. */
    synchronized void observe(String name, LecternProcess process) {
        Peak now = new Peak(Math.max(0, process.peakRssKib()), Math.max(0, process.threads()));
        peaks.merge(name, now, Peak::max);
    }

    synchronized Peak of(String name) {
        return peaks.getOrDefault(name, new Peak(0, 0));
    }

    synchronized Map<String, Peak> all() {
        return new LinkedHashMap<>(peaks);
    }
}
