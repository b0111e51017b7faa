package org.lectern.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A question posted to /api/ask, its answer read event by event as it streams in. */
final class AskEvents implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpResponse<InputStream> response;
    private final BufferedReader lines;

    /** One server-sent event. */
    record Event(String name, JsonNode data) {}

    private AskEvents(HttpResponse<InputStream> response) {
        this.response = response;
        this.lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    /** @param session the learner's session cookie, or null for a guest */
    static AskEvents post(HttpClient client, String url, String json, String session) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            builder.header("Cookie", "lectern_session=" + session);
        }
        HttpRequest request = builder.build();
        try {
            return new AskEvents(client.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String question(String chapterPath, String question) {
        String[] parts = chapterPath.split("/");
        return JSON.createObjectNode()
                .put("course", parts[2])
                .put("section", parts[3])
                .put("chapter", parts[4])
                .put("question", question)
                .toString();
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event, or null at the end of the stream. */
    Event next() {
        try {
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (name != null) {
                        return new Event(name, JSON.readTree(data.toString()));
                    }
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every event left, up to the end of the stream. */
    List<Event> rest() {
        List<Event> events = new ArrayList<>();
        for (Event e = next(); e != null; e = next()) {
            events.add(e);
        }
        return events;
    }

    String body() {
        try {
            return new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
