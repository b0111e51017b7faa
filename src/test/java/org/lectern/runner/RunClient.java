package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A WebSocket client of /ws/run, as runner.js is one: it sends JSON frames and keeps every frame it receives. */
final class RunClient implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A frame as received, with the moment it arrived. */
    record Frame(JsonNode json, long receivedNanos) {
        String type() {
            return json.path("type").asText();
        }
    }

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final boolean reading;
    private WebSocket socket;

    private RunClient(boolean reading) {
        this.reading = reading;
    }

    static RunClient connect(URI uri, String origin) {
        return connect(uri, origin, true);
    }

    /** A client that stops reading after its first frame, as a stalled browser tab does. */
    static RunClient connectStalled(URI uri) {
        return connect(uri, null, false);
    }

    private static RunClient connect(URI uri, String origin, boolean reading) {
        RunClient client = new RunClient(reading);
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        client.socket = builder.buildAsync(uri, client.new Listener()).join();
        return client;
    }

    void send(ObjectNode frame) {
        socket.sendText(frame.toString(), true).join();
    }

    void sendRaw(String text) {
        socket.sendText(text, true).join();
    }

    static ObjectNode runFrame(String code) {
        return JSON.createObjectNode().put("type", "run").put("code", code);
    }

    void run(String code) {
        send(runFrame(code));
    }

    void input(String data) {
        send(JSON.createObjectNode().put("type", "stdin").put("data", data));
    }

    void endInput() {
        send(JSON.createObjectNode().put("type", "stdin").put("eof", true));
    }

    void stop() {
        send(JSON.createObjectNode().put("type", "stop"));
    }

    /** The next frame, whatever it is. */
    Frame next() {
        return next("any", List.of());
    }

    private Frame next(String awaited, List<Frame> skipped) {
        try {
            Frame frame = frames.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame)
                    .as("a frame (awaiting %s, after %s) within %s", awaited, skipped, PATIENCE)
                    .isNotNull();
            return frame;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Skips frames until one of this type arrives, keeping the ones skipped in the transcript given. */
    Frame awaitType(String type, List<Frame> skipped) {
        for (Frame frame = next(type, skipped); ; frame = next(type, skipped)) {
            if (frame.type().equals(type)) {
                return frame;
            }
            skipped.add(frame);
        }
    }

    /** Sends the run and returns its frames up to and including "started"; pass them on to awaitExit. */
    List<Frame> start(String code) {
        return start(runFrame(code));
    }

    List<Frame> start(ObjectNode runFrame) {
        send(runFrame);
        List<Frame> seen = new ArrayList<>();
        seen.add(awaitType("started", seen));
        return seen;
    }

    /** The id the server gave the run that these frames, up to "started", belong to. */
    static String runId(List<Frame> started) {
        return started.get(started.size() - 1).json().path("runId").asText();
    }

    /** Every frame up to and including the exit. */
    Transcript awaitExit() {
        return awaitExit(new ArrayList<>());
    }

    /** Every frame up to and including the exit, after those already seen. */
    Transcript awaitExit(List<Frame> seen) {
        seen.add(awaitType("exit", seen));
        return new Transcript(seen);
    }

    /** Runs the code and returns everything up to its exit. */
    Transcript runToExit(String code) {
        run(code);
        return awaitExit();
    }

    int awaitClosed() {
        return closed.orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS).join();
    }

    /** Drops the connection without a closing handshake, as a vanished browser does. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(new Frame(JSON.readTree(partial.toString()), System.nanoTime()));
                } catch (Exception e) {
                    throw new AssertionError("the server sent a frame that is not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
