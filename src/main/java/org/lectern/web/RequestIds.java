package org.lectern.web;

import io.javalin.http.Context;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.MDC;

/** A short id per request, sent as X-Request-Id, shown on error pages and written with every log line. */
public final class RequestIds {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "requestId";

    private RequestIds() {}

    static String next() {
        return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    }

    static void assign(Context ctx) {
        String id = next();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
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
