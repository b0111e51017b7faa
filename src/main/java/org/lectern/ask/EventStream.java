package org.lectern.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A response sent as server-sent events ({@code event: name}, {@code data: json}, a blank line), each flushed at
 * once so the browser shows an answer as it grows. A write to a browser that went away (the Stop button aborts the
 * request) throws {@link Gone}.
 */
final class EventStream {
    private final OutputStream out;
    private final ObjectMapper json;

    /** The asker stopped listening. */
    static final class Gone extends RuntimeException {
        Gone(IOException cause) {
            super("the client closed the connection", cause);
        }
    }

    private EventStream(OutputStream out, ObjectMapper json) {
        this.out = out;
        this.json = json;
    }

    static EventStream open(Context ctx, ObjectMapper json) {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream; charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-store");
        // tells reverse proxies such as nginx not to hold the stream back in a buffer
        ctx.res().setHeader("X-Accel-Buffering", "no");
        try {
            return new EventStream(ctx.res().getOutputStream(), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void send(String event, Object data) {
        try {
            String frame = "event: " + event + "\ndata: " + json.writeValueAsString(data) + "\n\n";
            out.write(frame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new Gone(e);
        }
    }
}
