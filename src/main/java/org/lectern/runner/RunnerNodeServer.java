package org.lectern.runner;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lectern.web.Access;
import org.lectern.web.Metrics;

/**
 * The process {@code java -jar lectern.jar runner --nats nats://host:4222} starts: a {@link RunnerNode} and a small
 * HTTP server for {@code /health} and {@code /metrics}. It has no database and needs no credentials.
 */
public final class RunnerNodeServer implements AutoCloseable {
    private final RunnerNode node;
    private final Javalin http;

    private RunnerNodeServer(RunnerNode node, Javalin http) {
        this.node = node;
        this.http = http;
    }

    /** Throws when sandboxes cannot be made on this machine: such a node must not join. */
    public static RunnerNodeServer start(RunnerConfig config, RunnersConfig cluster, String host, int port)
            throws IOException {
        Metrics metrics = new Metrics(cluster.metricsToken());
        RunnerNode node = RunnerNode.start(config, cluster, RunnerMetrics.counting(metrics.registry()));
        RunnerMetrics.gauges(metrics.registry(), node::capacity, node::active, node::queued, node::warm);
        Javalin http = Javalin.create(web -> {
            web.startup.showJavalinBanner = false;
            metrics.install(web);
            web.routes.get("/health", ctx -> health(ctx, node), Access.ANYONE);
        });
        try {
            http.start(host, port);
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return new RunnerNodeServer(node, http);
    }

    /** 200 while connected to NATS, 503 otherwise, with the node's figures. */
    private static void health(Context ctx, RunnerNode node) {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean connected = node.connected();
        body.put("status", connected ? "ok" : "unavailable");
        body.put("node", node.nodeId());
        body.put("nats", connected ? "connected" : "disconnected");
        body.put("capacity", node.capacity());
        body.put("active", node.active());
        body.put("queued", node.queued());
        body.put("warm", node.warm());
        ctx.header("Cache-Control", "no-store");
        ctx.status(connected ? 200 : 503).json(body);
    }

    public int port() {
        return http.port();
    }

    public String nodeId() {
        return node.nodeId();
    }

    @Override
    public void close() {
        http.stop();
        node.close();
    }
}
