package org.lectern.runner;

import java.time.Duration;
import java.util.Locale;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/**
 * Where a web node's runs go: in-process ({@code LECTERN_RUNNERS=local}, the default) or to runner nodes over NATS
 * ({@code LECTERN_RUNNERS=nats://host:4222}). The rest only matters with NATS.
 *
 * @param natsUrl null for local runs
 * @param embeddedNode with NATS, also start a runner node inside this process (a small site on one machine)
 * @param subjectPrefix the first token of every subject, so two clusters can share one NATS
 * @param dispatchTimeout how long a run may wait for a runner node to take it before it is "busy"
 * @param lostAfter a runner node silent this long is dead, and its runs end as runner_lost
 * @param maxRemoteRuns runs this web node may have at the runner nodes at once; past that, "busy"
 * @param nodeId this process's name in heartbeats (runner nodes)
 * @param metricsToken the bearer token /metrics asks for; empty: loopback only
 */
public record RunnersConfig(
        String natsUrl,
        boolean embeddedNode,
        String subjectPrefix,
        Duration dispatchTimeout,
        Duration lostAfter,
        int maxRemoteRuns,
        String nodeId,
        String metricsToken) {

    public boolean local() {
        return natsUrl == null;
    }

    /** A runner node's settings: the same, with its own NATS address. */
    public RunnersConfig withNats(String url) {
        return new RunnersConfig(
                url, false, subjectPrefix, dispatchTimeout, lostAfter, maxRemoteRuns, nodeId, metricsToken);
    }

    /** Heartbeats go three times per {@link #lostAfter}, so one late beat never declares a node dead. */
    public Duration heartbeat() {
        return lostAfter.dividedBy(3);
    }

    public static RunnersConfig fromSettings(Settings s) {
        String runners = s.get("LECTERN_RUNNERS", "local");
        String url = null;
        if (!runners.equalsIgnoreCase("local")) {
            if (!runners.toLowerCase(Locale.ROOT).startsWith("nats://")) {
                throw new ConfigException("LECTERN_RUNNERS must be local or nats://host:port, not '" + runners + "'");
            }
            url = runners;
        }
        String prefix = s.get("LECTERN_NATS_PREFIX", "lectern");
        if (!prefix.matches("[A-Za-z0-9_-]+")) {
            throw new ConfigException(
                    "LECTERN_NATS_PREFIX may hold only letters, digits, _ and -, not '" + prefix + "'");
        }
        Duration lostAfter =
                RunLimits.parseDuration("LECTERN_RUNNER_LOST_AFTER", s.get("LECTERN_RUNNER_LOST_AFTER", "3s"));
        if (lostAfter.toMillis() < 300) {
            throw new ConfigException("LECTERN_RUNNER_LOST_AFTER must be at least 300ms");
        }
        int maxRemote = s.integer("LECTERN_RUNNERS_MAX_RUNS", 256);
        if (maxRemote < 1) {
            throw new ConfigException("LECTERN_RUNNERS_MAX_RUNS must be at least 1, not " + maxRemote);
        }
        return new RunnersConfig(
                url,
                s.bool("LECTERN_RUNNER_EMBEDDED", false),
                prefix,
                RunLimits.parseDuration(
                        "LECTERN_RUNNER_DISPATCH_TIMEOUT", s.get("LECTERN_RUNNER_DISPATCH_TIMEOUT", "2s")),
                lostAfter,
                maxRemote,
                s.get("LECTERN_RUNNER_NODE_ID", defaultNodeId()),
                s.get("LECTERN_METRICS_TOKEN", ""));
    }

    private static String defaultNodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
