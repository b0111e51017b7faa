package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Keeps rendered pages that are the same for every guest, keyed by path and language, so a page view is a map
 * look-up. Entries belong to one content version: when content changes, they are all dropped. Answers carry an
 * ETag so browsers revalidate cheaply.
 */
public final class PageCache {
    private static final int MAX_ENTRIES = 2_000;
    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final LongSupplier contentVersion;
    private final Predicate<Context> personal;
    private volatile long cachedVersion;

    private record Page(byte[] body, String etag) {}

    public PageCache(LongSupplier contentVersion) {
        this(contentVersion, ctx -> false);
    }

    /**
     * @param personal true for a request whose page differs from the guests' one (a signed-in person sees their
     *     name and a form token): such pages are rendered every time and never stored
     */
    public PageCache(LongSupplier contentVersion, Predicate<Context> personal) {
        this.contentVersion = contentVersion;
        this.personal = personal;
        this.cachedVersion = contentVersion.getAsLong();
    }

    public void serve(Context ctx, Supplier<String> render) {
        if (personal.test(ctx)) {
            ctx.header("Cache-Control", "private, no-store");
            ctx.header("Vary", "Accept-Language, Cookie");
            ctx.html(render.get());
            return;
        }
        long version = contentVersion.getAsLong();
        if (version != cachedVersion) {
            pages.clear();
            cachedVersion = version;
        }
        String key = Locales.of(ctx).getLanguage() + " " + ctx.path();
        Page page = pages.get(key);
        if (page == null) {
            byte[] body = render.get().getBytes(StandardCharsets.UTF_8);
            page = new Page(body, "\"" + version + "-" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
            if (pages.size() >= MAX_ENTRIES) {
                pages.clear();
            }
            pages.put(key, page);
        }
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Language, Cookie");
        if (page.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page.body());
    }
}
