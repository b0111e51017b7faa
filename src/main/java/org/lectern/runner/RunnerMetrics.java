package org.lectern.runner;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * The runner's Prometheus metrics, the same names on web nodes (their own runs, local or remote) and runner nodes
 * (the runs they executed): {@code lectern_runs_total{status}}, {@code lectern_run_latency_seconds} (accepted to exit),
 * {@code lectern_run_queue_seconds}, and gauges for capacity, runs going, queue depth and warm sandboxes.
 */
final class RunnerMetrics {
    private RunnerMetrics() {}

    /** Counts and times each finished run. */
    static Consumer<FinishedRun> counting(MeterRegistry registry) {
        Timer latency = Timer.builder("lectern.run.latency")
                .description("from a run's acceptance to its exit")
                .publishPercentileHistogram()
                .register(registry);
        Timer queued = Timer.builder("lectern.run.queue")
                .description("how long runs waited for a sandbox")
                .register(registry);
        for (RunStatus status : RunStatus.values()) {
            runs(registry, status);
        }
        return run -> {
            runs(registry, run.result().status()).increment();
            queued.record(run.queued());
            latency.record(run.queued().plus(java.time.Duration.between(run.startedAt(), run.finishedAt())));
        };
    }

    private static Counter runs(MeterRegistry registry, RunStatus status) {
        return Counter.builder("lectern.runs")
                .description("finished runs by status")
                .tag("status", status.wireName())
                .register(registry);
    }

    static void gauges(
            MeterRegistry registry, IntSupplier capacity, IntSupplier active, IntSupplier queued, IntSupplier warm) {
        gauge(registry, "lectern.runner.capacity", "runs that can go at once", capacity);
        gauge(registry, "lectern.runner.active", "runs going now", active);
        gauge(registry, "lectern.runner.queue.depth", "runs waiting for a sandbox", queued);
        gauge(registry, "lectern.runner.warm.pool", "sandboxes started and waiting for code", warm);
    }

    static void gauge(MeterRegistry registry, String name, String description, IntSupplier value) {
        Gauge.builder(name, value::getAsInt).description(description).register(registry);
    }
}
