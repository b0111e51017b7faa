package org.lectern.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.JavalinStaticResourceHandler;
import io.javalin.http.staticfiles.Location;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lectern.config.Config;

/** Builds the Javalin server: static files, security headers, request ids, errors, and the routes table. */
public final class WebServer {
    /** The largest request body accepted; larger ones get the 413 page or JSON before any handler runs. */
    public static final long MAX_REQUEST_BYTES = 1_000_000;

    /**
     * Request threads: 16 per core. Jetty's default of 250 let a class of 200 grow the server to 250 threads, each
     * with its stack and buffers (about 0.7 MB of RSS apiece), while two cores can only run two at a time anyway;
     * requests beyond these wait in Jetty's queue, and WebSockets hold no thread between frames.
     */
    static final int REQUEST_THREADS = 16 * Runtime.getRuntime().availableProcessors();

    private WebServer() {}

    public static Javalin create(
            Config.Server server, ErrorPages errors, GuestPageHandler fastPath, Consumer<JavalinConfig> routes) {
        return Javalin.create(config -> {
            // Javalin attaches its servlet context inside a wrapper set here: cached guest pages skip the router.
            config.jetty.modifyServer(jetty -> jetty.setHandler(fastPath));
            config.startup.showJavalinBanner = false;
            QueuedThreadPool threads = new QueuedThreadPool(REQUEST_THREADS, Math.min(8, REQUEST_THREADS), 60_000);
            threads.setName("JettyServerThreadPool");
            config.jetty.threadPool = threads;
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            // Jetty's cache of header fields is a 96 KB table per keep-alive connection: 40 MB of heap for a class of
            // 200 whose browsers each keep two connections open. Parsing the few headers a request has is cheap.
            config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheSize(0));
            // Javalin's own handler reads files through the class loader. Jetty's mounts the shaded jar as a zip
            // file system for every static folder, several times over: each mount indexes all 28,000 entries of the
            // jar on the heap, and eight of them took 55 MB of a 192 MB heap.
            config.resourceHandler(new JavalinStaticResourceHandler());
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
                SecurityHeaders.ALL.forEach(ctx::header);
                if ("https".equals(ctx.scheme())) {
                    ctx.header(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);
                }
                if (ctx.req().getContentLengthLong() > MAX_REQUEST_BYTES) {
                    // Refused here, not only when a handler reads the body: some handlers never read it.
                    throw new io.javalin.http.ContentTooLargeResponse();
                }
                if (hasBodyToDrain(ctx)) {
                    // Read the body before any check may answer: a response sent while the client is still
                    // sending makes Jetty close the connection with bytes unread, the kernel resets it, and the
                    // client loses the answer. Javalin keeps the bytes, so handlers read them as usual.
                    ctx.bodyAsBytes();
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

    private static boolean hasBodyToDrain(io.javalin.http.Context ctx) {
        String type = ctx.contentType();
        // multipart bodies are parsed from the stream by the servlet container, so they are left to it
        return ctx.req().getContentLengthLong() != 0 && (type == null || !type.startsWith("multipart/"));
    }

    /** Routes every deployment has, whatever features are on. */
    public static void addCommonRoutes(JavalinConfig config, Health health) {
        config.routes.get("/health", health::show, Access.ANYONE);
        config.routes.get("/lang/{code}", new LanguageSwitch()::choose, Access.ANYONE);
    }
}
