package org.lectern.runner;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the NATS connection of a web node or a runner node. It never gives up: a NATS server that is down at start-up
 * or later is retried every half second, while whoever holds the connection asks {@link #connected} before relying on
 * it, so runs fail fast instead of waiting in the client's reconnect buffer.
 */
final class NatsLink {
    private static final Logger log = LoggerFactory.getLogger(NatsLink.class);

    private NatsLink() {}

    /** @param onChange told of every connect, disconnect and reconnect (on a NATS thread) */
    static Connection open(String url, String name, Consumer<ConnectionListener.Events> onChange) {
        // every failed reconnect attempt reports a disconnect again: log one per outage
        AtomicBoolean down = new AtomicBoolean();
        Options options = new Options.Builder()
                .server(url)
                .connectionName(name)
                .connectionTimeout(Duration.ofSeconds(2))
                .pingInterval(Duration.ofSeconds(2))
                .maxPingsOut(2)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(500))
                // a request nobody listens to fails at once with a 503 status instead of timing out
                .reportNoResponders()
                .connectionListener((connection, event) -> {
                    boolean disconnect = event == ConnectionListener.Events.DISCONNECTED;
                    if (!disconnect || !down.getAndSet(true)) {
                        log.info("NATS {} ({}): {}", url, name, event);
                    }
                    if (event == ConnectionListener.Events.CONNECTED
                            || event == ConnectionListener.Events.RECONNECTED) {
                        down.set(false);
                    }
                    onChange.accept(event);
                })
                .errorListener(new io.nats.client.ErrorListener() {})
                .build();
        try {
            return Nats.connectReconnectOnConnect(options);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot use NATS at " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to NATS", e);
        }
    }

    static boolean connected(Connection connection) {
        return connection.getStatus() == Connection.Status.CONNECTED;
    }
}
