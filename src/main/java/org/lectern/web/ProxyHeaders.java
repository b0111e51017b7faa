package org.lectern.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Behind a reverse proxy that terminates TLS, the scheme and the client's address come from the proxy's
 * X-Forwarded-Proto, X-Forwarded-Host and X-Forwarded-For headers. Only trusted when the deployment says a proxy
 * sits in front: otherwise any client could claim to be anyone.
 */
public final class ProxyHeaders {
    private ProxyHeaders() {}

    public static void trust(JavalinConfig config) {
        config.contextResolver.scheme =
                ctx -> first(ctx.header("X-Forwarded-Proto"), ctx.req().getScheme());
        config.contextResolver.host = ctx -> first(ctx.header("X-Forwarded-Host"), ctx.header("Host"));
        config.contextResolver.ip = ProxyHeaders::clientAddress;
    }

    /** The address our proxy appended last: the entries before it are whatever the client claimed. */
    private static String clientAddress(Context ctx) {
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return ctx.req().getRemoteAddr();
        }
        String[] hops = forwarded.split(",");
        return hops[hops.length - 1].trim();
    }

    private static String first(String header, String fallback) {
        if (header == null || header.isBlank()) {
            return fallback;
        }
        int comma = header.indexOf(',');
        return (comma < 0 ? header : header.substring(0, comma)).trim();
    }
}
