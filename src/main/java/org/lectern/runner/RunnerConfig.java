package org.lectern.runner;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Locale;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/** How learners' code is run: the sandbox's tools, per-run limits, capacity and per-caller quotas. */
public record RunnerConfig(SandboxSettings sandbox, RunLimits limits, Capacity capacity, Quotas quotas) {

    /**
     * The tools that build a sandbox and where its cgroups live. Each sandbox alive at once gets its own uid, counted up
     * from {@code firstUid}. {@code unsandboxed} is the development mode LECTERN_SANDBOX=none: Python without any of it.
     */
    public record SandboxSettings(
            Path bwrap,
            Path setpriv,
            Path python,
            Path cgroupRoot,
            String cgroupName,
            int firstUid,
            boolean unsandboxed) {}

    /** How many runs go at once, how many may wait, how many sandboxes wait warm, and the largest inputs taken. */
    public record Capacity(
            int concurrency, int queueSize, int warmPool, int maxCodeBytes, int maxStdinBytes, int sendBufferBytes) {}

    /** Runs a guest (keyed by IP) or a learner may have going at once and start per minute. */
    public record Quotas(int guestConcurrentRuns, int guestRunsPerMinute, int learnerRunsPerMinute) {}

    /** Reads LECTERN_RUNNER_*, LECTERN_SANDBOX_* and LECTERN_GUEST_* variables; docs/runner.md lists them. */
    public static RunnerConfig fromSettings(Settings s) {
        int cores = Runtime.getRuntime().availableProcessors();
        int concurrency = count(s, "LECTERN_RUNNER_CONCURRENCY", cores, 1);
        return new RunnerConfig(
                new SandboxSettings(
                        s.path("LECTERN_SANDBOX_BWRAP", "/usr/bin/bwrap"),
                        s.path("LECTERN_SANDBOX_SETPRIV", "/usr/bin/setpriv"),
                        s.path("LECTERN_RUNNER_PYTHON", "/usr/bin/python3"),
                        s.path("LECTERN_SANDBOX_CGROUP_ROOT", "/sys/fs/cgroup"),
                        s.get("LECTERN_SANDBOX_CGROUP_NAME", "lectern"),
                        count(s, "LECTERN_SANDBOX_FIRST_UID", 61000, 1000),
                        unsandboxed(s)),
                RunLimits.fromSettings(s),
                new Capacity(
                        concurrency,
                        count(s, "LECTERN_RUNNER_QUEUE", 4 * concurrency, 0),
                        count(s, "LECTERN_RUNNER_WARM_POOL", concurrency, 0),
                        size(s, "LECTERN_RUNNER_MAX_CODE", 64 << 10),
                        size(s, "LECTERN_RUNNER_MAX_STDIN", 1 << 20),
                        size(s, "LECTERN_RUNNER_SEND_BUFFER", 2 << 20)),
                new Quotas(
                        count(s, "LECTERN_GUEST_CONCURRENT_RUNS", 1, 1),
                        count(s, "LECTERN_GUEST_RUNS_PER_MINUTE", 30, 1),
                        count(s, "LECTERN_RUNNER_RUNS_PER_MINUTE", 60, 1)));
    }

    /**
     * LECTERN_SANDBOX=none runs learners' code as the server's own user, with its files and network: fine on a
     * developer's laptop, a hole anywhere else. So it is refused where others can reach the server (any LECTERN_HOST
     * but a loopback address, or behind a proxy) unless LECTERN_SANDBOX_NONE_EXPOSED=true says that is meant.
     */
    private static boolean unsandboxed(Settings s) {
        String mode = s.get("LECTERN_SANDBOX", "bwrap").trim().toLowerCase(Locale.ROOT);
        if (mode.equals("bwrap")) {
            return false;
        }
        if (!mode.equals("none")) {
            throw new ConfigException("LECTERN_SANDBOX must be bwrap or none, not " + mode);
        }
        String host = s.get("LECTERN_HOST", "0.0.0.0");
        boolean exposed = !isLoopback(host) || s.bool("LECTERN_TRUST_PROXY", false);
        if (exposed && !s.bool("LECTERN_SANDBOX_NONE_EXPOSED", false)) {
            throw new ConfigException("LECTERN_SANDBOX=none runs learners' code without a sandbox, as this server's own"
                    + " user, and LECTERN_HOST=" + host
                    + (s.bool("LECTERN_TRUST_PROXY", false) ? " behind a proxy (LECTERN_TRUST_PROXY)" : "")
                    + " lets other machines reach it. Listen on 127.0.0.1 only, or set"
                    + " LECTERN_SANDBOX_NONE_EXPOSED=true if everyone who can reach this server may run code as you.");
        }
        return true;
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static int count(Settings s, String name, int fallback, int least) {
        int value = s.integer(name, fallback);
        if (value < least) {
            throw new ConfigException(name + " must be at least " + least + ", not " + value);
        }
        return value;
    }

    private static int size(Settings s, String name, int fallback) {
        long value = RunLimits.positive(name, s.bytes(name, fallback));
        if (value > Integer.MAX_VALUE / 2) {
            throw new ConfigException(name + " is too large: " + value);
        }
        return (int) value;
    }
}
