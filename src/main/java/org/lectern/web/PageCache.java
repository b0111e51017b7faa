package org.lectern.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Keeps rendered pages that are the same for every guest, keyed by language and path, so a page view is a map
 * look-up. Entries belong to one content version: when content changes, they are all dropped. Pages carry an ETag
 * so browsers revalidate cheaply, and a gzipped copy made once. {@link GuestPageHandler} serves hits before the
 * request reaches the router; this class fills the cache from the ordinary route.
 */
public final class PageCache {
    private static final int MAX_PAGES = 2_000;
    /**
     * Parts come in more forms than pages (a chapter's reader sections in six, the outline's progress bar in one per
     * chapter of the course, each per language and role), most of them a few hundred bytes to a few KB.
     */
    private static final int MAX_PARTS = 5_000;

    private final Map<String, Page> pages = new ConcurrentHashMap<>();
    private final Map<String, Object> parts = new ConcurrentHashMap<>();
    private final LongSupplier contentVersion;
    private final boolean enabled;
    private final Predicate<Context> personal;
    private volatile long cachedVersion;

    /**
     * A rendered page, ready to send. The direct buffers hold the same bytes outside the heap, so the socket write
     * needs no copy; each response sends its own read-only view of them.
     */
    record Page(byte[] body, ByteBuffer direct, ByteBuffer gzippedDirect, String etag) {
        ByteBuffer plainView() {
            return direct.asReadOnlyBuffer();
        }

        ByteBuffer gzippedView() {
            return gzippedDirect.asReadOnlyBuffer();
        }
    }

    /**
     * @param enabled false in dev mode, where templates and bundles change under a running server
     * @param personal true for a request whose page differs from the guests' one (a signed-in person sees their
     *     name and a form token): such pages are rendered every time and never stored
     */
    public PageCache(LongSupplier contentVersion, boolean enabled, Predicate<Context> personal) {
        this.contentVersion = contentVersion;
        this.enabled = enabled;
        this.personal = personal;
        this.cachedVersion = contentVersion.getAsLong();
    }

    /** Serves the guest page for this request from the cache, rendering and keeping it on a miss. */
    public void serve(Context ctx, Supplier<byte[]> render) {
        if (personal.test(ctx)) {
            ctx.header("Cache-Control", "private, no-store");
            ctx.header("Vary", "Accept-Language, Cookie");
            Renderer.send(ctx, render.get());
            return;
        }
        if (!enabled) {
            Renderer.send(ctx, render.get());
            return;
        }
        String key = key(Locales.of(ctx), ctx.path());
        forgetStale();
        Page page = pages.computeIfAbsent(key, k -> page(render.get()));
        ctx.header("ETag", page.etag());
        ctx.header("Cache-Control", "no-cache");
        ctx.header("Vary", "Accept-Language, Cookie, Accept-Encoding");
        if (page.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(page.body());
    }

    /**
     * A part of a page that is the same for every reader in this language (the runner's console, the Ask panel, a
     * chapter's outline list, an unanswered question, a signed-in chapter page with places for the reader's own),
     * made once per content version: a signed-in person's page is never kept whole, and such parts were most of it. A
     * part may hold places the page fills in per reader ({@link Places}).
     */
    @SuppressWarnings("unchecked") // a name is always given the same kind of part
    public <T> T part(Context ctx, String name, Supplier<T> render) {
        if (!enabled) {
            return render.get();
        }
        forgetStale();
        String key = key(Locales.of(ctx), name);
        Object part = parts.get(key);
        return (T) (part != null ? part : parts.computeIfAbsent(key, k -> render.get()));
    }

    /** False in dev mode: nothing is kept. */
    public boolean enabled() {
        return enabled;
    }

    /** The cached page, if any, for a guest in this language at this path. */
    Optional<Page> lookup(Locale locale, String path) {
        if (!enabled) {
            return Optional.empty();
        }
        forgetStale();
        return Optional.ofNullable(pages.get(key(locale, path)));
    }

    /** Forgets every page and part rendered from an older content version, and starts over when either is full. */
    private void forgetStale() {
        long version = contentVersion.getAsLong();
        if (version != cachedVersion) {
            pages.clear();
            parts.clear();
            cachedVersion = version;
        }
        if (pages.size() >= MAX_PAGES) {
            pages.clear();
        }
        if (parts.size() >= MAX_PARTS) {
            parts.clear();
        }
    }

    private Page page(byte[] body) {
        String etag = "\"" + cachedVersion + "-" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
        return new Page(body, direct(body), direct(gzip(body)), etag);
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    private static String key(Locale locale, String path) {
        return locale.getLanguage() + " " + path;
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
