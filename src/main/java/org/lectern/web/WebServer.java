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

    private WebServer() {}

    public static Javalin create(Config.Server server, ErrorPages errors, Consumer<JavalinConfig> routes) {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = 1_000_000;
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
        config.routes.get("/health", health::show);
        config.routes.get("/lang/{code}", new LanguageSwitch()::choose);
    }
}
