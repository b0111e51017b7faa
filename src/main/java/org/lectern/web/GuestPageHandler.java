package org.lectern.web;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A micro-cache in front of the router: a guest's GET for a page already in the {@link PageCache} is answered
 * here, straight from memory, with the same headers the router would send. Everything else, misses included,
 * passes through to Javalin, which renders and fills the cache.
 */
public final class GuestPageHandler extends Handler.Wrapper {
    /** Cookies a guest may carry; any other (a session, say) means the page may be personal. */
    private static final Set<String> GUEST_COOKIES = Set.of(Locales.COOKIE);

    private static final List<HttpField> FIXED_HEADERS = SecurityHeaders.ALL.entrySet().stream()
            .map(e -> new HttpField(e.getKey(), e.getValue()))
            .toList();
    private static final HttpField CONTENT_TYPE = new HttpField(HttpHeader.CONTENT_TYPE, "text/html;charset=utf-8");
    private static final HttpField CACHE_CONTROL = new HttpField(HttpHeader.CACHE_CONTROL, "no-cache");
    private static final HttpField VARY = new HttpField(HttpHeader.VARY, "Accept-Language, Cookie, Accept-Encoding");
    private static final HttpField GZIP = new HttpField(HttpHeader.CONTENT_ENCODING, "gzip");
    private final PageCache cache;
    private final boolean trustProxy;
    private final Map<String, Locale> languageOfHeader = new ConcurrentHashMap<>();

    private final Served served;

    /** Told of every page answered here, which never reaches the router: its status and the time it took. */
    @FunctionalInterface
    public interface Served {
        void served(int status, long nanos);
    }

    /** @param trustProxy whether X-Forwarded-Proto tells if the visitor came over HTTPS */
    public GuestPageHandler(PageCache cache, boolean trustProxy) {
        this(cache, trustProxy, (status, nanos) -> {});
    }

    public GuestPageHandler(PageCache cache, boolean trustProxy, Served served) {
        this.cache = cache;
        this.trustProxy = trustProxy;
        this.served = served;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!HttpMethod.GET.is(request.getMethod()) || request.getHttpURI().getQuery() != null) {
            return super.handle(request, response, callback);
        }
        Optional<PageCache.Page> hit = guestLocale(request)
                .flatMap(l -> cache.lookup(l, request.getHttpURI().getPath()));
        if (hit.isEmpty()) {
            return super.handle(request, response, callback);
        }
        long started = System.nanoTime();
        PageCache.Page page = hit.get();
        var headers = response.getHeaders();
        FIXED_HEADERS.forEach(headers::put);
        if (request.isSecure()
                || (trustProxy && "https".equals(request.getHeaders().get("X-Forwarded-Proto")))) {
            headers.put(SecurityHeaders.HSTS_NAME, SecurityHeaders.HSTS_VALUE);
        }
        headers.put(RequestIds.HEADER, RequestIds.next());
        headers.put(HttpHeader.ETAG, page.etag());
        headers.put(CACHE_CONTROL);
        headers.put(VARY);
        if (page.etag().equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            served.served(HttpStatus.NOT_MODIFIED_304, System.nanoTime() - started);
            return true;
        }
        headers.put(CONTENT_TYPE);
        String accepts = request.getHeaders().get(HttpHeader.ACCEPT_ENCODING);
        boolean gzip = accepts != null && accepts.contains("gzip");
        if (gzip) {
            headers.put(GZIP);
        }
        ByteBuffer body = gzip ? page.gzippedView() : page.plainView();
        headers.put(HttpHeader.CONTENT_LENGTH, body.remaining());
        response.write(true, body, callback);
        served.served(HttpStatus.OK_200, System.nanoTime() - started);
        return true;
    }

    /** The page language for a guest, or empty when the request carries a cookie only a signed-in user has. */
    private Optional<Locale> guestLocale(Request request) {
        Locale fromCookie = null;
        if (request.getHeaders().contains(HttpHeader.COOKIE)) {
            for (HttpCookie cookie : Request.getCookies(request)) {
                if (!GUEST_COOKIES.contains(cookie.getName())) {
                    return Optional.empty();
                }
                fromCookie = Locales.fromTag(cookie.getValue()).orElse(null);
            }
        }
        if (fromCookie != null) {
            return Optional.of(fromCookie);
        }
        String header = request.getHeaders().get(HttpHeader.ACCEPT_LANGUAGE);
        if (header == null) {
            return Optional.of(Locale.ENGLISH);
        }
        if (languageOfHeader.size() > 1_000) {
            languageOfHeader.clear();
        }
        return Optional.of(languageOfHeader.computeIfAbsent(header, Locales::fromHeader));
    }
}
