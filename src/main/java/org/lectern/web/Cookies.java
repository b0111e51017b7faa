package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * Sets Lectern's own cookies one way: HttpOnly, SameSite=Lax, path /, and Secure whenever the page was served over
 * HTTPS (directly, or behind a trusted proxy) or the deployment says so.
 */
public final class Cookies {
    /** A max-age that makes a cookie last until the browser closes. */
    public static final int BROWSER_SESSION = -1;

    private final boolean alwaysSecure;

    public Cookies(boolean alwaysSecure) {
        this.alwaysSecure = alwaysSecure;
    }

    public void set(Context ctx, String name, String value, int maxAgeSeconds) {
        boolean secure = alwaysSecure || "https".equals(ctx.scheme());
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, secure, true, null, SameSite.LAX));
    }

    public void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }
}
