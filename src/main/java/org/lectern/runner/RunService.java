package org.lectern.runner;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/** Where both endpoints hand in a run: it checks the runner can run code and the caller's quota, then queues it. */
final class RunService {
    private final String unavailableReason;
    private final RunRateLimiter quotas;
    private final RunDispatch dispatch;
    private final RunLimits limits;
    private final int maxStdinBytes;

    private RunService(
            String unavailableReason,
            RunRateLimiter quotas,
            RunDispatch dispatch,
            RunLimits limits,
            int maxStdinBytes) {
        this.unavailableReason = unavailableReason;
        this.quotas = quotas;
        this.dispatch = dispatch;
        this.limits = limits;
        this.maxStdinBytes = maxStdinBytes;
    }

    static RunService working(RunRateLimiter quotas, RunDispatch dispatch, RunLimits limits, int maxStdinBytes) {
        return new RunService(null, quotas, dispatch, limits, maxStdinBytes);
    }

    /** A runner that refuses every run with this reason, e.g. on a machine without bubblewrap. */
    static RunService unavailable(String reason) {
        return new RunService(reason, null, null, null, 0);
    }

    Run start(RunRequest request, Consumer<RunEvent> listener) throws RunRejected {
        if (unavailableReason != null) {
            throw new RunRejected(
                    RunRejected.Reason.UNAVAILABLE,
                    "Running code is switched off on this server: " + unavailableReason);
        }
        RunRateLimiter.Permit permit = quotas.acquire(request.caller());
        Run run = new Run(newId(), request, listener, limits, maxStdinBytes);
        run.beforeEnd(permit::release);
        try {
            dispatch.submit(run);
        } catch (RunRejected busy) {
            permit.refund();
            throw busy;
        }
        return run;
    }

    private static String newId() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    }
}
