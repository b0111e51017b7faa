package org.lectern.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UnauthorizedResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Prometheus metrics through Micrometer, on web and runner nodes alike: HTTP latency per route (cached guest pages
 * under the route "page cache"), the JVM, and whatever
 * features register (the runner's runs, queue and warm pool). {@code GET /metrics} ({@link Access#METRICS}) answers
 * a scraper that sends {@code Authorization: Bearer <LECTERN_METRICS_TOKEN>}; without a token set, only requests from
 * the machine itself that no proxy forwarded. Everyone else gets 404, so the route does not advertise itself.
 */
public final class Metrics {
    private static final String STARTED = "lectern.metrics.started";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final String token;

    public Metrics(String token) {
        this.token = token;
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Times every routed request (as {@code http_server_requests_seconds}) and adds {@code GET /metrics}. */
    public void install(JavalinConfig web) {
        web.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        web.routes.after(this::time);
        web.routes.get("/metrics", this::scrape, Access.METRICS);
    }

    /** A guest page answered from the page cache before the router (see {@link GuestPageHandler}). */
    public void cachedPage(int status, long nanos) {
        record("GET", "page cache", status, nanos);
    }

    private void time(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        var endpoint = ctx.endpoints().lastHttpEndpoint();
        // the route's pattern, never the raw path: one series per route, whatever learners type in the address bar
        String route = endpoint == null ? "unmatched" : endpoint.path;
        record(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - started);
    }

    private void record(String method, String route, int status, long nanos) {
        Timer.builder("http.server.requests")
                .description("HTTP requests by route (or \"page cache\"), method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    void scrape(Context ctx) {
        if (!allowed(ctx)) {
            throw token.isEmpty() ? new NotFoundResponse() : new UnauthorizedResponse();
        }
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(registry.scrape());
    }

    boolean allowed(Context ctx) {
        if (!token.isEmpty()) {
            String sent = ctx.header("Authorization");
            return sent != null
                    && MessageDigest.isEqual(
                            sent.getBytes(StandardCharsets.UTF_8),
                            ("Bearer " + token).getBytes(StandardCharsets.UTF_8));
        }
        // behind a proxy on the same machine every visitor comes from loopback: a forwarded request is not local
        if (ctx.header("X-Forwarded-For") != null || ctx.header("Forwarded") != null) {
            return false;
        }
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
