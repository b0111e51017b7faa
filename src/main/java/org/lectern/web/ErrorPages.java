package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error a person or a program can meet: a page for browsers, JSON for the API. Never a stack trace; an
 * unexpected error is logged once with the request id that the page shows.
 */
public final class ErrorPages {
    /**
     * A detail of an {@link HttpResponseException} that becomes the answer's {@code Retry-After} header: the seconds
     * after which a refused request (503 busy) is likely to succeed.
     */
    public static final String RETRY_AFTER = "retryAfter";

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);
    private final Renderer renderer;

    public ErrorPages(Renderer renderer) {
        this.renderer = renderer;
    }

    void expected(HttpResponseException e, Context ctx) {
        String retryAfter = e.getDetails().get(RETRY_AFTER);
        if (retryAfter != null) {
            ctx.header("Retry-After", retryAfter);
        }
        show(ctx, e.getStatus(), e.getMessage());
    }

    void unexpected(Exception e, Context ctx) {
        OptionalInt clientFault = clientFault(e);
        if (clientFault.isPresent()) {
            log.debug("Malformed request {} {} [request {}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
            show(ctx, clientFault.getAsInt(), null);
            return;
        }
        if (databaseUnavailable(e)) {
            log.warn(
                    "The database is unavailable on {} {} [request {}]: {}",
                    ctx.method(),
                    ctx.path(),
                    RequestIds.of(ctx),
                    rootMessage(e));
            show(ctx, 503, null);
            return;
        }
        log.error("Unexpected error on {} {} [request {}]", ctx.method(), ctx.path(), RequestIds.of(ctx), e);
        show(ctx, 500, null);
    }

    /**
     * The status of a request Jetty could not parse (a broken multipart body, say) when a handler first read it:
     * the sender's fault, so a 4xx, not an error of ours.
     */
    static OptionalInt clientFault(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                return OptionalInt.of(http.getCode());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * True when the database could not be reached or written (no connection within the pool's timeout, a connection
     * lost or refused, the database server shutting down, the embedded database closed after its disk filled up):
     * "busy or down, try again" rather than a bug. /health says so too, so an operator or orchestrator can act.
     */
    static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // Java has no type for ENOSPC: the embedded database passes the file system's words on
            if (cause instanceof IOException
                    && String.valueOf(cause.getMessage()).contains("No space left")) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-57P03: PostgreSQL shutting down, crashed or starting up
                if (state.startsWith("08") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** Fills in a page for an error status that no handler described, such as a URL that matches no route. */
    void statusOnly(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty()) {
            show(ctx, ctx.statusCode(), null);
        }
    }

    /** @param detail a message for the person, already in their language; null for the status's own words */
    public void show(Context ctx, int status, String detail) {
        ctx.status(status);
        var locale = Locales.of(ctx);
        String title = renderer.messages().get(locale, "error." + titleKey(status) + ".title");
        String message = detail != null && !detail.isBlank() && !usesOwnWords(status, detail)
                ? detail
                : renderer.messages().get(locale, "error." + titleKey(status) + ".message");
        if (wantsJson(ctx)) {
            ctx.json(Map.of("error", message, "status", status, "requestId", RequestIds.of(ctx)));
            return;
        }
        try {
            renderer.html(ctx, "errors/error", Map.of("status", status, "errorTitle", title, "message", message));
        } catch (RuntimeException renderFailure) {
            log.error("The error page itself failed [request {}]", RequestIds.of(ctx), renderFailure);
            ctx.contentType("text/plain; charset=utf-8").result(status + " " + title + "\n" + message);
        }
    }

    /** True for programs: everything under /api/, and requests that accept JSON but not HTML. */
    public static boolean wantsJson(Context ctx) {
        if (ctx.path().startsWith("/api/") || ctx.path().equals("/health")) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    private static String titleKey(int status) {
        return switch (status) {
            case 400, 401, 403, 404, 405, 413, 429, 503 -> Integer.toString(status);
            default -> status >= 500 ? "500" : "400";
        };
    }

    /** Not-found and wrong-method answers, and bare reason phrases, are always told in the reader's language. */
    private static boolean usesOwnWords(int status, String detail) {
        return status == 404
                || status == 405
                || detail.equalsIgnoreCase(HttpStatus.forStatus(status).getMessage());
    }
}
