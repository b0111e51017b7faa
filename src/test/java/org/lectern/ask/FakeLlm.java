package org.lectern.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An OpenAI-compatible chat-completions server on loopback, for tests: real HTTP, answers streamed as server-sent
 * events one chunk at a time, and on demand an error status, a reply that never comes in time, or an answer that
 * goes on until the client hangs up. It keeps every request it received.
 */
final class FakeLlm implements AutoCloseable {
    enum Mode {
        STREAM,
        ERROR,
        SLOW,
        ENDLESS
    }

    /** A request as the server saw it. */
    record Received(String authorization, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private volatile Mode mode = Mode.STREAM;
    private volatile List<String> pieces = List.of("Each thread ", "must hold ", "the GIL [1]", ".");
    private volatile int reportedTokens = 42;
    private volatile CountDownLatch gate;
    private volatile CountDownLatch hungUp = new CountDownLatch(1);

    private FakeLlm(HttpServer server) {
        this.server = server;
    }

    static FakeLlm start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            FakeLlm fake = new FakeLlm(server);
            server.createContext("/v1/chat/completions", fake::handle);
            server.setExecutor(fake.threads);
            server.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL, as an admin would set LECTERN_LLM_URL. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void answer(Mode mode) {
        this.mode = mode;
        this.gate = null;
        this.hungUp = new CountDownLatch(1);
        received.clear();
    }

    void answerWith(List<String> pieces, int reportedTokens) {
        answer(Mode.STREAM);
        this.pieces = List.copyOf(pieces);
        this.reportedTokens = reportedTokens;
    }

    /** Holds the answer after its first chunk until the returned latch is counted down. */
    CountDownLatch holdAfterFirstChunk() {
        CountDownLatch latch = new CountDownLatch(1);
        gate = latch;
        return latch;
    }

    /** Counted down when an endless answer's client hung up. */
    CountDownLatch hungUp() {
        return hungUp;
    }

    BlockingQueue<Received> received() {
        return received;
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"), body));
        switch (mode) {
            case ERROR -> reply(exchange, 500, "{\"error\":{\"message\":\"model overloaded\"}}");
            case SLOW -> {
                pause(15_000);
                reply(exchange, 200, "");
            }
            case STREAM -> stream(exchange);
            case ENDLESS -> endless(exchange);
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int i = 0; i < pieces.size(); i++) {
                event(out, chunk(pieces.get(i)));
                CountDownLatch held = gate;
                if (i == 0 && held != null) {
                    await(held);
                }
            }
            ObjectNode usage = JSON.createObjectNode();
            usage.putArray("choices");
            usage.putObject("usage").put("total_tokens", reportedTokens);
            event(out, usage.toString());
            event(out, "[DONE]");
        }
    }

    private void endless(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            for (int i = 0; i < 2_000; i++) {
                event(out, chunk("word" + i + " "));
                pause(20);
            }
        } catch (IOException hungUpOn) {
            hungUp.countDown();
        } finally {
            exchange.close();
        }
    }

    private static String chunk(String piece) {
        ObjectNode chunk = JSON.createObjectNode();
        chunk.putArray("choices").addObject().putObject("delta").put("content", piece);
        return chunk.toString();
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The server side of a slow endpoint; a test itself never waits like this. */
    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
