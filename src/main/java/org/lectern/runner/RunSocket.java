package org.lectern.runner;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket endpoint {@code /ws/run}. A connection runs one program at a time, feeds it input, stops it and
 * streams everything back as JSON frames. A closed or dropped connection stops its run.
 */
final class RunSocket {
    static final String SERVER_FAULT = "Something went wrong on the server. It has been logged; please try again.";
    private static final Logger log = LoggerFactory.getLogger(RunSocket.class);
    private static final String CALLER = "lectern.runner.caller";
    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(15);

    private final RunService runs;
    private final RunRequestReader reader;
    private final RunJson json;
    private final Function<Context, RunCaller> callers;
    private final int sendBufferBytes;
    private final long maxMessageBytes;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    RunSocket(
            RunService runs,
            RunRequestReader reader,
            RunJson json,
            Function<Context, RunCaller> callers,
            RunnerConfig.Capacity capacity) {
        this.runs = runs;
        this.reader = reader;
        this.json = json;
        this.callers = callers;
        this.sendBufferBytes = capacity.sendBufferBytes();
        // room for the largest code and input even when JSON escapes every character, so they get a clear error
        this.maxMessageBytes = 2L * (capacity.maxCodeBytes() + capacity.maxStdinBytes()) + 65536;
    }

    /** Refuses upgrades from other sites' pages: a browser always sends Origin, and it must name this host. */
    void beforeUpgrade(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null
                && !sameHost(origin, ctx.header("Host"))
                && !sameHost(origin, ctx.header("X-Forwarded-Host"))) {
            throw new ForbiddenResponse("Connections to the runner must come from this site's own pages.");
        }
        ctx.attribute(CALLER, callers.apply(ctx));
    }

    void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            ctx.session.setMaxTextMessageSize(maxMessageBytes);
            ctx.session.setIdleTimeout(IDLE_TIMEOUT);
            connections.put(ctx.sessionId(), new Connection(ctx));
        });
        ws.onMessage(ctx -> {
            Connection connection = connections.get(ctx.sessionId());
            if (connection != null) {
                connection.receive(ctx.message());
            }
        });
        ws.onClose(ctx -> closed(ctx.sessionId()));
        ws.onError(ctx -> closed(ctx.sessionId()));
    }

    int connections() {
        return connections.size();
    }

    private void closed(String sessionId) {
        Connection connection = connections.remove(sessionId);
        if (connection != null) {
            connection.stop();
        }
    }

    static boolean sameHost(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** One client's connection: its outbox and the run it has going, if any. */
    private final class Connection {
        private final RunCaller caller;
        private final SocketOutbox outbox;
        private volatile Run current;

        Connection(WsContext ctx) {
            this.caller = ctx.attribute(CALLER);
            this.outbox = new SocketOutbox(ctx.session, sendBufferBytes, this::stop);
        }

        void receive(String message) {
            try {
                JsonNode frame = json.parseObject(message);
                String type = frame.path("type").asText("");
                switch (type) {
                    case "run" -> start(frame);
                    case "stdin" -> input(frame);
                    case "stop" -> stop();
                    default ->
                        throw RunRequestReader.invalid(
                                "Unknown message type \"" + type + "\": use run, stdin or stop.");
                }
            } catch (RunRejected e) {
                outbox.send(json.errorFrame(e.getMessage()));
            } catch (RuntimeException e) {
                // a bug of ours: say so, and keep the connection usable rather than let Jetty close it
                log.error("Could not handle a runner message", e);
                outbox.send(json.errorFrame(SERVER_FAULT));
            }
        }

        void stop() {
            Run run = current;
            if (run != null) {
                run.stop();
            }
        }

        private void start(JsonNode frame) throws RunRejected {
            if (going() != null) {
                throw new RunRejected(
                        RunRejected.Reason.ALREADY_RUNNING, "This console already has a run going: stop it first.");
            }
            RunRequest request = reader.read(frame, caller, false);
            current = runs.start(request, event -> outbox.send(json.frame(event)));
        }

        private void input(JsonNode frame) throws RunRejected {
            Run run = going();
            if (run == null) {
                throw RunRequestReader.invalid("There is no run going to send input to.");
            }
            if (frame.path("eof").asBoolean(false)) {
                run.closeInput();
            } else if (!run.sendInput(reader.input(frame.get("data")))) {
                throw RunRequestReader.invalid(reader.inputRefused());
            }
        }

        private Run going() {
            Run run = current;
            return run == null || run.done().isDone() ? null : run;
        }
    }
}
