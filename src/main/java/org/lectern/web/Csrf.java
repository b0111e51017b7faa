package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Cross-site request forgery protection for every state-changing request. A random token lives in an HttpOnly
 * cookie; forms echo it in a hidden {@value #FIELD} field and scripts (htmx, fetch) in an {@value #HEADER} header,
 * read from the page's {@code <meta name="csrf-token">}. Another site can make the browser send the cookie but
 * cannot read it, so it cannot echo it. JSON requests may instead rely on the Origin check: a cross-site page cannot
 * send {@code application/json} without a CORS preflight, which this server never grants. A foreign Origin is
 * refused on every unsafe request. The token changes at login and logout.
 */
public final class Csrf implements RequestModel {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "lectern_csrf";
    private static final String ATTRIBUTE = "csrf.token";
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<HandlerType> SAFE =
            Set.of(HandlerType.GET, HandlerType.HEAD, HandlerType.OPTIONS, HandlerType.TRACE);

    /** The name of the token's place in a page or part kept with places ({@link Places}). */
    public static final String TOKEN_PLACE = "csrf-token";

    private final Cookies cookies;
    private final SecureRandom random = new SecureRandom();

    public Csrf(Cookies cookies) {
        this.cookies = cookies;
    }

    /** The token for forms on this page, issuing one (and its cookie) when the browser has none yet. */
    public String token(Context ctx) {
        String token = ctx.attribute(ATTRIBUTE);
        if (token == null) {
            String cookie = ctx.cookie(COOKIE);
            token = cookie != null && FORMAT.matcher(cookie).matches() ? cookie : issue(ctx);
            ctx.attribute(ATTRIBUTE, token);
        }
        return token;
    }

    /** A fresh token, so one planted or seen before a login is worthless after it. */
    public void rotate(Context ctx) {
        ctx.attribute(ATTRIBUTE, issue(ctx));
    }

    private String issue(Context ctx) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        cookies.set(ctx, COOKIE, token, Cookies.BROWSER_SESSION);
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Runs before every matched route: refuses an unsafe request that does not prove it came from our pages. */
    public void verify(Context ctx) {
        if (SAFE.contains(ctx.method())) {
            return;
        }
        if (SameOrigin.isForeign(ctx)) {
            throw new ForbiddenResponse("Cross-site request refused");
        }
        String expected = ctx.cookie(COOKIE);
        String sent = ctx.header(HEADER);
        if (sent == null && isJson(ctx)) {
            return; // same-origin or non-browser JSON: see the class comment
        }
        if (sent == null && (ctx.isFormUrlencoded() || ctx.isMultipartFormData())) {
            sent = ctx.formParam(FIELD);
        }
        if (expected == null || sent == null || !constantTimeEquals(expected, sent)) {
            throw new ForbiddenResponse("CSRF token missing or wrong");
        }
    }

    private static boolean isJson(Context ctx) {
        String type = ctx.contentType();
        return type != null && type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/json");
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Pages get {@code csrf.token}, evaluated only where a template uses it, so shared pages never carry one. */
    @Override
    public void addTo(Context ctx, Map<String, Object> variables) {
        variables.put("csrf", new Field(() -> token(ctx)));
    }

    /** A kept page holds a place for the token, filled with this request's (issued only for a page with a form). */
    @Override
    public boolean standIn(Context ctx, StandIns standIns) {
        standIns.variable("csrf", placeField());
        standIns.value(TOKEN_PLACE, () -> token(ctx));
        return true;
    }

    /** {@code csrf} for a page or part rendered to be kept: its token is the place {@link #TOKEN_PLACE}. */
    public static Field placeField() {
        return new Field(() -> Places.place(TOKEN_PLACE));
    }

    /** The template's handle on the token: {@code th:value="${csrf.token}"}. */
    public static final class Field {
        private final Supplier<String> token;

        private Field(Supplier<String> token) {
            this.token = token;
        }

        public String getToken() {
            return token.get();
        }

        public String getName() {
            return FIELD;
        }
    }
}
