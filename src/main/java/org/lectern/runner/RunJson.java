package org.lectern.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The runner's JSON: events as WebSocket frames, a finished run as the HTTP answer, and errors for both. */
final class RunJson {
    private final ObjectMapper mapper = new ObjectMapper();

    /** Parses a client's message or body; anything but a JSON object is the client's mistake. */
    JsonNode parseObject(String text) throws RunRejected {
        try {
            JsonNode node = mapper.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            // the same answer as for valid JSON that is not an object
        }
        throw new RunRejected(
                RunRejected.Reason.INVALID, "Send a JSON object, such as {\"type\":\"run\",\"code\":\"print(1)\"}.");
    }

    String frame(RunEvent event) {
        ObjectNode frame = mapper.createObjectNode();
        // Java 17 has no pattern matching for switch yet
        if (event instanceof RunEvent.Output o) {
            frame.put("type", "output")
                    .put("stream", o.stream().wireName())
                    .put("data", o.data())
                    .put("t", o.millis());
        } else if (event instanceof RunEvent.Queued q) {
            frame.put("type", "queued").put("position", q.position());
        } else if (event instanceof RunEvent.Started s) {
            frame.put("type", "started").put("runId", s.runId());
        } else if (event instanceof RunEvent.Exit e) {
            putResult(frame.put("type", "exit"), e.result());
        }
        return frame.toString();
    }

    String errorFrame(String message) {
        return mapper.createObjectNode()
                .put("type", "error")
                .put("message", message)
                .toString();
    }

    String errorBody(String message) {
        return mapper.createObjectNode().put("error", message).toString();
    }

    String resultBody(String runId, RunResult result, String stdout, String stderr) {
        ObjectNode body = mapper.createObjectNode().put("runId", runId);
        putResult(body, result);
        return body.put("stdout", stdout).put("stderr", stderr).toString();
    }

    private static ObjectNode putResult(ObjectNode node, RunResult r) {
        node.put("status", r.status().wireName());
        if (r.exitCode() == null) {
            node.putNull("exitCode");
        } else {
            node.put("exitCode", r.exitCode());
        }
        node.put("wallMs", r.wallMs())
                .put("cpuMs", r.cpuMs())
                .put("peakMemoryKb", r.peakMemoryKb())
                .put("processes", r.processes());
        if (r.stackDump() != null) {
            node.put("stackDump", r.stackDump());
        }
        return node;
    }
}
