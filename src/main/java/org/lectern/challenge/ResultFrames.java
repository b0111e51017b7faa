package org.lectern.challenge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * The web side of the check protocol for one run: takes the run's stdout as it streams, removes every result frame
 * (this check's nonce, a space, one JSON object, a newline) and keeps what they say; the rest is the learner's own
 * output, passed on unchanged. Text that merely looks like a frame lacks the nonce, which the learner never sees, and
 * so stays ordinary output. A frame split over chunks is held back until its newline arrives, and so is a chunk's end
 * that could be the start of one, so the nonce never reaches the learner, not even in part.
 */
final class ResultFrames {
    private final ObjectMapper json;
    private final String nonce;
    private final String marker;
    private final StringBuilder pending = new StringBuilder();
    private final List<JsonNode> records = new ArrayList<>();

    ResultFrames(ObjectMapper json, String nonce) {
        this.json = json;
        this.nonce = nonce;
        this.marker = nonce + " ";
    }

    String nonce() {
        return nonce;
    }

    /** Takes a chunk of stdout and returns what of it (and of earlier held-back text) the learner may see now. */
    synchronized String stdout(String chunk) {
        pending.append(chunk);
        StringBuilder visible = new StringBuilder();
        while (true) {
            int start = pending.indexOf(marker);
            if (start < 0) {
                int keep = partialMarkerAtEnd();
                visible.append(pending, 0, pending.length() - keep);
                pending.delete(0, pending.length() - keep);
                return visible.toString();
            }
            visible.append(pending, 0, start);
            int end = pending.indexOf("\n", start + marker.length());
            if (end < 0) {
                pending.delete(0, start);
                return visible.toString();
            }
            parse(pending.substring(start + marker.length(), end));
            pending.delete(0, end + 1);
        }
    }

    /** At the run's end: held-back text that was not a frame after all; an unfinished frame is dropped. */
    synchronized String finish() {
        String rest = pending.indexOf(marker) == 0 ? "" : pending.toString();
        pending.setLength(0);
        return rest;
    }

    synchronized List<JsonNode> records() {
        return List.copyOf(records);
    }

    private int partialMarkerAtEnd() {
        int longest = Math.min(marker.length() - 1, pending.length());
        for (int n = longest; n > 0; n--) {
            if (marker.startsWith(pending.substring(pending.length() - n))) {
                return n;
            }
        }
        return 0;
    }

    private void parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            if (node != null && node.isObject()) {
                records.add(node);
            }
        } catch (JsonProcessingException e) {
            // only the harness knows the nonce, and it writes whole JSON: a broken frame was cut off by a limit
        }
    }
}
