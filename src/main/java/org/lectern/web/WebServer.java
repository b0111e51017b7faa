package org.lectern.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.Consumer;
import org.lectern.config.Config;

/** Builds the Javalin server: static files, security headers, request ids, errors, and the routes table. */
public final class WebServer {
    private static final String CSP = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** The largest request body accepted; larger ones get the 413 page or JSON before any handler runs. */
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    private WebServer() {}

    public static Javalin create(Config.Server server, ErrorPages errors, Consumer<JavalinConfig> routes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/static";
                if (server.devMode()) {
                    files.directory =
                            server.devRoot().resolve("static").toAbsolutePath().toString();
                    files.location = Location.EXTERNAL;
                } else {
                    files.directory = "/static";
                    files.location = Location.CLASSPATH;
                }
                files.headers = Map.of("Cache-Control", "public, max-age=3600");
            });
            config.routes.before(ctx -> {
                RequestIds.assign(ctx);
                ctx.header("Content-Security-Policy", CSP);
                ctx.header("X-Content-Type-Options", "nosniff");
                ctx.header("Referrer-Policy", "same-origin");
                ctx.header("X-Frame-Options", "DENY");
                if ("https".equals(ctx.scheme())) {
                    ctx.header("Strict-Transport-Security", "max-age=31536000");
                }
                if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
                    // Refused here, not only when a handler reads the body: some handlers never read it.
                    throw new io.javalin.http.ContentTooLargeResponse();
                }
            });
            config.routes.after(ctx -> RequestIds.release());
            config.routes.exception(HttpResponseException.class, errors::expected);
            config.routes.exception(Exception.class, errors::unexpected);
            config.routes.error(404, errors::statusOnly);
            config.routes.error(405, errors::statusOnly);
            routes.accept(config);
        });
    }

    /** Routes every deployment has, whatever features are on. */
    public static void addCommonRoutes(JavalinConfig config, Health health) {
        config.routes.get("/health", health::show, Access.ANYONE);
        config.routes.get("/lang/{code}", new LanguageSwitch()::choose, Access.ANYONE);
    }
}
