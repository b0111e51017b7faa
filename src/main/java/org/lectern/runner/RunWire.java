package org.lectern.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Locale;

/**
 * The messages between web nodes and runner nodes, as JSON (the README lists them). Code and input travel as base64,
 * since a learner's bytes need not be text; output travels as the text the runner already decoded.
 */
final class RunWire {
    /** Runs on runner nodes are recorded by the web node that asked, under its caller; here they are nobody's. */
    static final RunCaller REMOTE_CALLER = new RunCaller(null, "remote");

    private final ObjectMapper mapper = new ObjectMapper();

    /** What a runner node hears of a node: its figures at the last heartbeat. */
    record Heartbeat(String node, int capacity, int queue, int active, int queued, int warm, boolean leaving) {
        int free() {
            return Math.max(0, capacity + queue - active - queued);
        }
    }

    /** A runner node's answer to a submitted run. */
    record Reply(boolean accepted, String node, String message) {}

    /** What the web node asks a runner to stop or feed. */
    sealed interface Control {
        record Input(byte[] data) implements Control {}

        record EndOfInput() implements Control {}

        record Stop() implements Control {}
    }

    byte[] submit(String runId, RunRequest request) {
        ObjectNode node = mapper.createObjectNode()
                .put("runId", runId)
                .put("code", Base64.getEncoder().encodeToString(request.code()))
                .put("graded", request.graded());
        RunRequest.Source s = request.source();
        ObjectNode source = node.putObject("source");
        source.put("course", s.course()).put("chapter", s.chapter());
        if (s.block() != null) {
            source.put("block", s.block());
        }
        return bytes(node);
    }

    String runIdOf(JsonNode submit) {
        String id = submit.path("runId").asText("");
        if (!id.matches("[0-9a-f]{1,32}")) {
            throw new IllegalArgumentException("a run id is hexadecimal");
        }
        return id;
    }

    /** The run as the runner node executes it: input follows on the control subject. */
    RunRequest request(JsonNode submit) {
        JsonNode source = submit.path("source");
        return new RunRequest(
                Base64.getDecoder().decode(submit.path("code").asText("")),
                new byte[0],
                false,
                new RunRequest.Source(
                        textOrNull(source.get("course")),
                        textOrNull(source.get("chapter")),
                        source.hasNonNull("block") ? source.get("block").asInt() : null),
                REMOTE_CALLER,
                submit.path("graded").asBoolean(false));
    }

    byte[] reply(Reply reply) {
        return bytes(mapper.createObjectNode()
                .put("accepted", reply.accepted())
                .put("node", reply.node())
                .put("message", reply.message()));
    }

    Reply reply(byte[] data) {
        JsonNode n = parse(data);
        return new Reply(
                n.path("accepted").asBoolean(false),
                n.path("node").asText(""),
                n.path("message").asText(""));
    }

    byte[] event(RunEvent event) {
        ObjectNode node = mapper.createObjectNode();
        if (event instanceof RunEvent.Output o) {
            node.put("type", "output")
                    .put("stream", o.stream().wireName())
                    .put("data", o.data())
                    .put("t", o.millis());
        } else if (event instanceof RunEvent.Queued q) {
            node.put("type", "queued").put("position", q.position());
        } else if (event instanceof RunEvent.Started s) {
            node.put("type", "started").put("runId", s.runId());
        } else if (event instanceof RunEvent.Exit e) {
            RunResult r = e.result();
            node.put("type", "exit")
                    .put("status", r.status().wireName())
                    .put("wallMs", r.wallMs())
                    .put("cpuMs", r.cpuMs())
                    .put("peakMemoryKb", r.peakMemoryKb())
                    .put("processes", r.processes())
                    .put("outputBytes", r.outputBytes())
                    .put("stackDump", r.stackDump());
            if (r.exitCode() != null) {
                node.put("exitCode", r.exitCode());
            }
        }
        return bytes(node);
    }

    RunEvent event(byte[] data) {
        JsonNode n = parse(data);
        return switch (n.path("type").asText("")) {
            case "output" ->
                new RunEvent.Output(
                        "stderr".equals(n.path("stream").asText()) ? RunEvent.Stream.STDERR : RunEvent.Stream.STDOUT,
                        n.path("data").asText(""),
                        n.path("t").asLong());
            case "queued" -> new RunEvent.Queued(n.path("position").asInt());
            case "started" -> new RunEvent.Started(n.path("runId").asText());
            case "exit" ->
                new RunEvent.Exit(new RunResult(
                        RunStatus.valueOf(n.path("status").asText().toUpperCase(Locale.ROOT)),
                        n.hasNonNull("exitCode") ? n.get("exitCode").asInt() : null,
                        n.path("wallMs").asLong(),
                        n.path("cpuMs").asLong(),
                        n.path("peakMemoryKb").asLong(),
                        n.path("processes").asLong(),
                        n.path("outputBytes").asLong(),
                        textOrNull(n.get("stackDump"))));
            default -> throw new IllegalArgumentException("unknown event " + n.path("type"));
        };
    }

    byte[] control(Control control) {
        ObjectNode node = mapper.createObjectNode();
        if (control instanceof Control.Input in) {
            node.put("type", "stdin").put("data", Base64.getEncoder().encodeToString(in.data()));
        } else if (control instanceof Control.EndOfInput) {
            node.put("type", "eof");
        } else {
            node.put("type", "stop");
        }
        return bytes(node);
    }

    Control control(byte[] data) {
        JsonNode n = parse(data);
        return switch (n.path("type").asText("")) {
            case "stdin" ->
                new Control.Input(Base64.getDecoder().decode(n.path("data").asText("")));
            case "eof" -> new Control.EndOfInput();
            case "stop" -> new Control.Stop();
            default -> throw new IllegalArgumentException("unknown control " + n.path("type"));
        };
    }

    byte[] heartbeat(Heartbeat h) {
        return bytes(mapper.createObjectNode()
                .put("node", h.node())
                .put("capacity", h.capacity())
                .put("queue", h.queue())
                .put("active", h.active())
                .put("queued", h.queued())
                .put("warm", h.warm())
                .put("leaving", h.leaving()));
    }

    Heartbeat heartbeat(byte[] data) {
        JsonNode n = parse(data);
        return new Heartbeat(
                n.path("node").asText(""),
                n.path("capacity").asInt(),
                n.path("queue").asInt(),
                n.path("active").asInt(),
                n.path("queued").asInt(),
                n.path("warm").asInt(),
                n.path("leaving").asBoolean(false));
    }

    JsonNode parse(byte[] data) {
        try {
            JsonNode node = mapper.readTree(data);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
        }
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
