package org.lectern.testing;

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
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client of {@code /ws/check} as check.js is one: signed in as a visitor (or a guest), it keeps every frame. */
public final class CheckClient implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private WebSocket socket;

    private CheckClient() {}

    /** Connects with the visitor's session cookie, or as a guest when {@code visitor} is null. */
    public static CheckClient connect(TestServer server, Visitor visitor) {
        CheckClient client = new CheckClient();
        WebSocket.Builder builder = HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .header("Origin", server.url("").replaceAll("/$", ""));
        if (visitor != null) {
            builder.header("Cookie", "lectern_session=" + visitor.cookie("lectern_session"));
        }
        client.socket = builder.buildAsync(
                        URI.create(server.url("/ws/check").replace("http:", "ws:")), client.new Listener())
                .join();
        return client;
    }

    public static ObjectNode checkFrame(String course, String section, String chapter, long challenge, String code) {
        return JSON.createObjectNode()
                .put("type", "check")
                .put("course", course)
                .put("section", section)
                .put("chapter", chapter)
                .put("challenge", challenge)
                .put("code", code);
    }

    public void send(ObjectNode frame) {
        socket.sendText(frame.toString(), true).join();
    }

    /** Every frame up to and including the next "ended" (or an error that ends nothing was going). */
    public List<JsonNode> untilEnded() {
        List<JsonNode> seen = new ArrayList<>();
        while (true) {
            JsonNode frame = next();
            seen.add(frame);
            if (frame.path("type").asText().equals("ended")) {
                return seen;
            }
        }
    }

    public JsonNode next() {
        try {
            JsonNode frame = frames.poll(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(frame).as("a frame within %s", PATIENCE).isNotNull();
            return frame;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** The next frame of this type, skipping others. */
    public JsonNode await(String type) {
        for (JsonNode frame = next(); ; frame = next()) {
            if (frame.path("type").asText().equals(type)) {
                return frame;
            }
        }
    }

    /** What the frames streamed as the program's stdout. */
    public static String stdout(List<JsonNode> frames) {
        StringBuilder out = new StringBuilder();
        frames.stream()
                .filter(f -> f.path("type").asText().equals("output")
                        && f.path("stream").asText().equals("stdout"))
                .forEach(f -> out.append(f.path("data").asText()));
        return out.toString();
    }

    public static JsonNode ofType(List<JsonNode> frames, String type) {
        return frames.stream()
                .filter(f -> f.path("type").asText().equals(type))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " frame in " + frames));
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
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new AssertionError("not JSON: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
