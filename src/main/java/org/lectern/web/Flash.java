package org.lectern.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A one-time message shown on the page a POST redirects to ("Your password was changed"). The cookie holds only a
 * message key, never text, so nothing a visitor sends ends up on a page. A request carrying one is personal and
 * bypasses the shared guest page cache.
 */
public final class Flash implements RequestModel {
    static final String COOKIE = "lectern_flash";
    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9._-]{1,100}");
    private final Cookies cookies;

    public Flash(Cookies cookies) {
        this.cookies = cookies;
    }

    /** @param messageKey a key of the message bundles */
    public void set(Context ctx, String messageKey) {
        cookies.set(ctx, COOKIE, messageKey, 60);
    }

    public boolean pending(Context ctx) {
        return ctx.cookie(COOKIE) != null;
    }

    @Override
    public void addTo(Context ctx, Map<String, Object> variables) {
        String key = ctx.cookie(COOKIE);
        if (key != null) {
            cookies.clear(ctx, COOKIE);
            if (KEY.matcher(key).matches()) {
                variables.put("flash", key);
            }
        }
    }

    /** A flash message is a key of the bundles, not a place: a page with one is rendered whole. */
    @Override
    public boolean standIn(Context ctx, StandIns standIns) {
        return !pending(ctx);
    }
}
