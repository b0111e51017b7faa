package org.lectern.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/** A short id per request, sent as X-Request-Id, shown on error pages and written with every log line. */
public final class RequestIds {
    private static final String ATTRIBUTE = "requestId";

    private RequestIds() {}

    static void assign(Context ctx) {
        String id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        ctx.attribute(ATTRIBUTE, id);
        ctx.header("X-Request-Id", id);
        MDC.put(ATTRIBUTE, id);
    }

    static void release() {
        MDC.remove(ATTRIBUTE);
    }

    public static String of(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id == null ? "-" : id;
    }
}
