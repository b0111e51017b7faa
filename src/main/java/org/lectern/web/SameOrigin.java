package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.util.Locale;

/**
 * Whether a request comes from a page of this site, judged by its Origin header. Browsers send Origin on every
 * cross-site POST and on every WebSocket handshake, so a foreign Origin is never one of our pages.
 */
public final class SameOrigin {
    private SameOrigin() {}

    /** This site's origin as the browser sees it, {@code scheme://host[:port]}, after a trusted proxy if any. */
    public static String of(Context ctx) {
        return ctx.scheme() + "://" + ctx.host();
    }

    /** True when the request carries an Origin that is not this site's (the opaque {@code null} included). */
    public static boolean isForeign(Context ctx) {
        String origin = ctx.header("Origin");
        return origin != null && !origin.toLowerCase(Locale.ROOT).equals(of(ctx).toLowerCase(Locale.ROOT));
    }

    /** For WebSocket upgrades: a handshake without an Origin is no browser of ours either. Throws 403 otherwise. */
    public static void requireForWebSocket(Context ctx) {
        if (ctx.header("Origin") == null || isForeign(ctx)) {
            throw new ForbiddenResponse("Cross-origin WebSocket refused");
        }
    }
}
