package org.lectern.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.Collectors;

/** The frames of one run, up to and including its exit. */
record Transcript(List<RunClient.Frame> frames) {
    /** A run that may have waited in the queue (told its place as it moved up), then printed and ended. */
    static final String PLAIN_RUN = "(queued,)*started(,output)+,exit";

    JsonNode exit() {
        return frames.get(frames.size() - 1).json();
    }

    String status() {
        return exit().path("status").asText();
    }

    String stdout() {
        return output("stdout");
    }

    String stderr() {
        return output("stderr");
    }

    List<RunClient.Frame> outputs() {
        return frames.stream().filter(f -> f.type().equals("output")).toList();
    }

    RunClient.Frame outputContaining(String text) {
        return outputs().stream()
                .filter(f -> f.json().path("data").asText().contains(text))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no output frame with " + text + " in " + this));
    }

    String types() {
        return frames.stream().map(RunClient.Frame::type).collect(Collectors.joining(","));
    }

    private String output(String stream) {
        return outputs().stream()
                .filter(f -> f.json().path("stream").asText().equals(stream))
                .map(f -> f.json().path("data").asText())
                .collect(Collectors.joining());
    }

    @Override
    public String toString() {
        return "status " + status() + ", exit " + exit() + "\nstdout: " + abbreviate(stdout()) + "\nstderr: "
                + abbreviate(stderr());
    }

    private static String abbreviate(String text) {
        return text.length() > 2000 ? text.substring(0, 2000) + "..." : text;
    }
}
