package org.lectern.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams an answer from an OpenAI-compatible chat-completions endpoint ({@code stream: true}, server-sent events),
 * with the JDK's HTTP client. Lines arrive on the client's threads and wait in a queue, so the caller's thread can
 * give up after a timeout without being stuck in a read. The API key goes into the Authorization header and nowhere
 * else: failures are logged by status and kind only, never with headers or the endpoint's reply.
 */
final class ChatClient {
    private static final Logger log = LoggerFactory.getLogger(ChatClient.class);
    private static final Object END = new Object();

    private final AskConfig.Llm settings;
    private final ObjectMapper json;
    private final HttpClient http;

    /** A message of the conversation: {@code system} or {@code user}. */
    record Message(String role, String content) {}

    /** Why no (complete) answer came. */
    enum Failure {
        UNREACHABLE,
        REFUSED,
        SLOW,
        MALFORMED
    }

    static final class ChatFailure extends Exception {
        private final Failure failure;

        ChatFailure(Failure failure, String detail) {
            super(failure + ": " + detail);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }

    /** @param tokens what the endpoint reported (question and answer), or an estimate when it reported nothing */
    record Completion(int tokens) {}

    ChatClient(AskConfig.Llm settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.firstTokenTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * Sends the conversation and hands each piece of the answer to {@code tokens} as it arrives. If {@code tokens}
     * throws (the learner stopped or left), the request to the endpoint is cancelled and the exception passes on.
     */
    Completion stream(List<Message> messages, Consumer<String> tokens) throws ChatFailure {
        Lines lines = new Lines();
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url())
                .timeout(settings.firstTokenTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body(messages)));
        if (!settings.apiKey().isEmpty()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        long started = System.nanoTime();
        // the handler runs when the headers arrive, so the status is known long before the body ends
        HttpResponse.BodyHandler<Void> handler = info -> {
            lines.status(info.statusCode());
            return HttpResponse.BodySubscribers.fromLineSubscriber(lines);
        };
        CompletableFuture<HttpResponse<Void>> response = http.sendAsync(request.build(), handler);
        response.whenComplete((done, error) -> {
            if (error != null) {
                lines.onError(error);
            }
        });
        try {
            int status = awaitStatus(lines);
            if (status != 200) {
                throw failure(Failure.REFUSED, "HTTP " + status);
            }
            return read(lines, tokens, started, promptLength(messages));
        } finally {
            lines.cancel();
            response.cancel(true);
        }
    }

    private int awaitStatus(Lines lines) throws ChatFailure {
        Object first = lines.poll(settings.firstTokenTimeout().toNanos());
        if (first instanceof Status status) {
            return status.code();
        }
        if (first == null
                || first instanceof java.net.http.HttpTimeoutException
                || first instanceof CompletionException c
                        && c.getCause() instanceof java.net.http.HttpTimeoutException) {
            throw failure(
                    Failure.SLOW,
                    "no response within " + settings.firstTokenTimeout().toSeconds() + " s");
        }
        Throwable error =
                first instanceof CompletionException c && c.getCause() != null ? c.getCause() : (Throwable) first;
        throw failure(Failure.UNREACHABLE, error.getClass().getSimpleName());
    }

    private Completion read(Lines lines, Consumer<String> tokens, long started, int promptChars) throws ChatFailure {
        long deadline = started + settings.answerTimeout().toNanos();
        long idle = settings.firstTokenTimeout().toNanos();
        int answerChars = 0;
        int reported = -1;
        while (true) {
            long wait = Math.min(idle, deadline - System.nanoTime());
            Object next = wait <= 0 ? null : lines.poll(wait);
            if (next == null) {
                throw failure(Failure.SLOW, "the answer stalled or took longer than allowed");
            }
            if (next == END) {
                throw failure(Failure.MALFORMED, "the stream ended without [DONE]");
            }
            if (next instanceof Throwable t) {
                throw failure(Failure.UNREACHABLE, t.getClass().getSimpleName());
            }
            String line = ((String) next).strip();
            if (!line.startsWith("data:")) {
                continue; // blank separators, comments (": keep-alive"), event names
            }
            String data = line.substring(5).strip();
            if (data.equals("[DONE]")) {
                return new Completion(reported >= 0 ? reported : (promptChars + answerChars + 3) / 4);
            }
            JsonNode chunk = parse(data);
            if (chunk.has("error")) {
                throw failure(Failure.REFUSED, "an error event in the stream");
            }
            JsonNode usage = chunk.path("usage").path("total_tokens");
            if (usage.isNumber()) {
                reported = usage.asInt();
            }
            String piece =
                    chunk.path("choices").path(0).path("delta").path("content").asText("");
            if (!piece.isEmpty()) {
                answerChars += piece.length();
                tokens.accept(piece);
            }
        }
    }

    private JsonNode parse(String data) throws ChatFailure {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw failure(Failure.MALFORMED, "a chunk that is not JSON");
        }
    }

    private String body(List<Message> messages) {
        ObjectNode body = json.createObjectNode();
        body.put("model", settings.model());
        body.put("stream", true);
        body.put("max_tokens", settings.maxAnswerTokens());
        body.put("temperature", 0.2);
        // asks for the token count in the last chunk; servers that do not know the option ignore it
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode list = body.putArray("messages");
        for (Message m : messages) {
            list.addObject().put("role", m.role()).put("content", m.content());
        }
        return body.toString();
    }

    private static int promptLength(List<Message> messages) {
        return messages.stream().mapToInt(m -> m.content().length()).sum();
    }

    private ChatFailure failure(Failure kind, String detail) {
        // the endpoint's host only: a URL may carry a key in its query, and the reply may echo what was sent
        log.warn("Language model at {} failed: {} ({})", settings.url().getHost(), kind, detail);
        return new ChatFailure(kind, detail);
    }

    private record Status(int code) {}

    /** The response's status, then its body's lines, queued for the asking thread. */
    private static final class Lines implements Flow.Subscriber<String> {
        private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;
        private volatile boolean cancelled;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (cancelled) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            queue.add(line);
        }

        @Override
        public void onError(Throwable error) {
            queue.add(error);
        }

        @Override
        public void onComplete() {
            queue.add(END);
        }

        void status(int code) {
            queue.add(new Status(code));
        }

        Object poll(long nanos) {
            try {
                return queue.poll(nanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        void cancel() {
            cancelled = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
