package org.lectern.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A learner's WebSocket of JSON frames ({@code /ws/run} or {@code /ws/check}): every frame the server sends is queued,
 * and a close or an error is queued as a {@code {"type":"closed"}} frame, so a learner waiting for an answer always
 * learns that none will come. A runner socket counts in the figures' open sockets, its close exactly once, whoever
 * notices it first.
 */
final class FrameSocket {
    static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> frames;
    private final AtomicBoolean open;
    private final Figures figures;

    private FrameSocket(WebSocket socket, BlockingQueue<JsonNode> frames, AtomicBoolean open, Figures figures) {
        this.socket = socket;
        this.frames = frames;
        this.open = open;
        this.figures = figures;
    }

    /**
     * Connects with the learner's cookies and this site's Origin (as a browser sends it); on failure counts a "ws
     * connect" error and returns null. Only sockets {@code counted} count among the figures' open sockets.
     */
    static FrameSocket connect(
            HttpClient http,
            String base,
            String path,
            String cookies,
            boolean counted,
            Figures figures,
            Duration timeout) {
        BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
        AtomicBoolean open = new AtomicBoolean(counted);
        long start = System.nanoTime();
        try {
            WebSocket socket = http.newWebSocketBuilder()
                    .header("Cookie", cookies)
                    .header("Origin", base)
                    .connectTimeout(timeout)
                    .buildAsync(
                            URI.create(base.replace("http://", "ws://") + path), new Listener(frames, open, figures))
                    .get(timeout.toSeconds(), TimeUnit.SECONDS);
            figures.latency("ws connect", System.nanoTime() - start);
            if (counted) {
                figures.socketOpened();
            }
            return new FrameSocket(socket, frames, open, figures);
        } catch (Exception e) {
            figures.error("ws connect: " + Learner.rootName(e));
            return null;
        }
    }

    boolean isOpen() {
        return !socket.isOutputClosed() && !socket.isInputClosed();
    }

    /** Forgets the frames of whatever came before, then sends this one. */
    void send(ObjectNode frame, Duration timeout) throws Exception {
        frames.clear();
        socket.sendText(frame.toString(), true).get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** The next frame, or null when none came by the deadline (System.nanoTime()). */
    JsonNode next(long deadline) throws InterruptedException {
        return frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    void drop() {
        socket.abort();
        if (open.compareAndSet(true, false)) {
            figures.socketClosed();
        }
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final BlockingQueue<JsonNode> frames;
        /** True while this socket counts as open, so that its close is counted once, whoever notices first. */
        private final AtomicBoolean open;

        private final Figures figures;

        Listener(BlockingQueue<JsonNode> frames, AtomicBoolean open, Figures figures) {
            this.frames = frames;
            this.open = open;
            this.figures = figures;
        }

        private void closed() {
            if (open.compareAndSet(true, false)) {
                figures.socketClosed();
            }
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    frames.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    figures.error("ws: frame that is not JSON");
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed();
            frames.add(JSON.createObjectNode().put("type", "closed").put("code", statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed();
            frames.add(JSON.createObjectNode().put("type", "closed").put("code", Learner.rootName(error)));
        }
    }
}
