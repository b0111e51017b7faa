package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/** {@code GET /lang/{code}?next=/path}: remembers the chosen language in a cookie and goes back. */
final class LanguageSwitch {
    private static final int ONE_YEAR = 365 * 24 * 3600;

    void choose(Context ctx) {
        String code = ctx.pathParam("code");
        if (Locales.fromTag(code).isEmpty()) {
            throw new io.javalin.http.NotFoundResponse();
        }
        Cookie cookie = new Cookie(Locales.COOKIE, code, "/", ONE_YEAR, false, false, null, SameSite.LAX);
        ctx.cookie(cookie);
        ctx.redirect(Redirects.safeNext(ctx.queryParam("next")));
    }
}
