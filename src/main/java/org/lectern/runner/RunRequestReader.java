package org.lectern.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;

/** Reads a run request from a client's JSON, with a message a person understands for anything it cannot use. */
final class RunRequestReader {
    private static final int MAX_SLUG = 100;

    private final int maxCodeBytes;
    private final int maxStdinBytes;

    RunRequestReader(int maxCodeBytes, int maxStdinBytes) {
        this.maxCodeBytes = maxCodeBytes;
        this.maxStdinBytes = maxStdinBytes;
    }

    RunRequest read(JsonNode message, RunCaller caller, boolean stdinComplete) throws RunRejected {
        JsonNode code = message.get("code");
        if (code == null || !code.isTextual()) {
            throw invalid("A run needs \"code\": the program to run, as text.");
        }
        byte[] codeBytes = code.asText().getBytes(StandardCharsets.UTF_8);
        if (codeBytes.length > maxCodeBytes) {
            throw invalid("The code is too long: " + kib(codeBytes.length) + ", where " + kib(maxCodeBytes)
                    + " is the most a run takes.");
        }
        return new RunRequest(
                codeBytes, input(message.get("stdin")), stdinComplete, source(message.get("source")), caller, false);
    }

    /** Input sent while the program runs, as the text of a "stdin" message. */
    byte[] input(JsonNode data) throws RunRejected {
        if (data == null || data.isNull()) {
            return new byte[0];
        }
        if (!data.isTextual()) {
            throw invalid("\"stdin\" must be text.");
        }
        byte[] bytes = data.asText().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxStdinBytes) {
            throw invalid(inputTooLong());
        }
        return bytes;
    }

    String inputTooLong() {
        return "The input is too long: " + kib(maxStdinBytes) + " is the most a run takes.";
    }

    String inputRefused() {
        return "That input was not sent: the program's input is already closed, or it would pass " + kib(maxStdinBytes)
                + ".";
    }

    private static RunRequest.Source source(JsonNode source) throws RunRejected {
        if (source == null || source.isNull()) {
            return RunRequest.Source.NONE;
        }
        if (!source.isObject()) {
            throw invalid("\"source\" must be an object with course, chapter and block.");
        }
        JsonNode block = source.get("block");
        if (block != null && !block.isNull() && !block.canConvertToInt()) {
            throw invalid("\"source.block\" must be a whole number.");
        }
        return new RunRequest.Source(
                slug(source, "course"),
                slug(source, "chapter"),
                block == null || block.isNull() ? null : block.asInt());
    }

    private static String slug(JsonNode source, String field) throws RunRejected {
        JsonNode value = source.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().length() > MAX_SLUG) {
            throw invalid("\"source." + field + "\" must be a short piece of text.");
        }
        return value.asText();
    }

    private static String kib(long bytes) {
        return (bytes + 1023) / 1024 + " KiB";
    }

    static RunRejected invalid(String message) {
        return new RunRejected(RunRejected.Reason.INVALID, message);
    }
}
