package org.lectern.web;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.util.FastStringWriter;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders Thymeleaf templates from {@code templates/}. A name may select a fragment, {@code "page :: fragment"},
 * which is how htmx partials are served from the page they belong to.
 */
public final class Renderer {
    static {
        CachedPropertyAccessor.install();
    }

    private static final String HTML_UTF8 = "text/html; charset=utf-8";
    /** Places of a kept part's own parts are named with this, apart from the request model's. */
    private static final String OWN_PLACE = "own-";

    private final TemplateEngine engine = new TemplateEngine();
    /**
     * The length each template last rendered to (characters or bytes), so the next rendering starts with room for it:
     * Thymeleaf's own writer starts at 100 characters and doubles, which copied a chapter page's text about ten times.
     */
    private final Map<String, Integer> lastLength = new ConcurrentHashMap<>();

    private final Messages messages;
    private final String version;
    private final RequestModel requestModel;
    private volatile JakartaServletWebApplication application;

    public Renderer(Messages messages, boolean devMode, Path devRoot, String version) {
        this(messages, devMode, devRoot, version, RequestModel.NONE);
    }

    /** @param requestModel variables every page of a request gets, such as the signed-in person */
    public Renderer(Messages messages, boolean devMode, Path devRoot, String version, RequestModel requestModel) {
        this.messages = messages;
        this.version = version;
        this.requestModel = requestModel;
        AbstractConfigurableTemplateResolver resolver;
        if (devMode) {
            resolver = new FileTemplateResolver();
            resolver.setPrefix(devRoot.resolve("templates").toAbsolutePath() + "/");
            resolver.setCacheable(false);
        } else {
            resolver = new ClassLoaderTemplateResolver(Renderer.class.getClassLoader());
            resolver.setPrefix("templates/");
            resolver.setCacheable(true);
        }
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        engine.setMessageResolver(messages);
    }

    public Messages messages() {
        return messages;
    }

    /** Renders to a string, for a part that goes into another page. */
    public String render(Context ctx, String template, Map<String, Object> model) {
        FastStringWriter out = new FastStringWriter(room(template));
        process(ctx, template, model, out);
        String html = out.toString();
        remember(template, html.length());
        return html;
    }

    /**
     * Renders a whole page as UTF-8, the form it is sent or kept in. The page is encoded as it is written: rendered to
     * a string first, a page with any character beyond Latin-1 was copied five times on its way to the socket.
     */
    public byte[] renderUtf8(Context ctx, String template, Map<String, Object> model) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(room(template));
        try (Writer out = new BufferedWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
            process(ctx, template, model, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array refused bytes", e);
        }
        remember(template, bytes.size());
        return bytes.toByteArray();
    }

    /**
     * Renders a page from a copy kept per name, language, content version, path and whatever else the request model
     * adds to the key. The copy is rendered once with stand-ins for what differs between readers: the request model's
     * variables (the signed-in person, the form token) and the given parts, which the caller renders for each request;
     * each request fills in its own. A request whose variables cannot stand in (one with a flash message) gets the
     * page rendered whole from the same template, and so does every request when the cache is off.
     *
     * @param parts variables of the model that differ between readers, as HTML for the template's {@code th:utext}
     */
    public byte[] renderKept(
            Context ctx,
            PageCache pages,
            String name,
            String template,
            Map<String, Object> model,
            Map<String, String> parts) {
        StandIns standIns = new StandIns();
        if (!pages.enabled() || !requestModel.standIn(ctx, standIns)) {
            Map<String, Object> whole = new HashMap<>(model);
            whole.putAll(parts);
            return renderUtf8(ctx, template, whole);
        }
        Places page = pages.part(ctx, name + " " + standIns.key() + " " + ctx.path(), () -> {
            Map<String, Object> kept = new HashMap<>(model);
            parts.keySet().forEach(part -> kept.put(part, Places.place(part)));
            FastStringWriter out = new FastStringWriter(room(template));
            process(ctx, template, standIns.variables(), kept, out);
            return Places.utf8(out.toString());
        });
        return page.fillUtf8(values(parts::get, standIns));
    }

    /** What fills a place: the request's own value if it has one, else the request model's stand-in's. */
    private static Function<String, String> values(Function<String, String> own, StandIns standIns) {
        return place -> {
            String value = own.apply(place);
            if (value != null) {
                return value;
            }
            var standIn = standIns.values().get(place);
            return standIn == null ? null : standIn.get();
        };
    }

    /** {@link #renderKeptPart} for a part in which only the request model's variables differ between readers. */
    public String renderKeptPart(
            Context ctx, PageCache pages, String name, String template, Map<String, Object> model) {
        return renderKeptPart(ctx, pages, name, template, model, new Kept(() -> model, place -> null));
    }

    /**
     * Renders a part of a page from a copy kept under this name, as {@link #renderKept} keeps a whole page: rendered
     * once with stand-ins for the request model's variables and a place for each of the parts in {@code own}, which
     * the template reads as the map {@code ownVariable}; each request fills in its own. The name must say whatever
     * else of the model the part shows differently to different readers. Rendered whole where a page would be.
     */
    public String renderKeptPart(
            Context ctx,
            PageCache pages,
            String name,
            String template,
            Map<String, Object> model,
            String ownVariable,
            Map<String, String> own) {
        // the names are part of the key: a copy has places for just the parts it was rendered with
        String key = name + " " + String.join(",", new TreeSet<>(own.keySet()));
        Kept kept = new Kept(
                () -> {
                    Map<String, Object> copy = new HashMap<>(model);
                    Map<String, String> places = new HashMap<>();
                    own.keySet().forEach(p -> places.put(p, Places.place(OWN_PLACE + p)));
                    copy.put(ownVariable, places);
                    return copy;
                },
                place -> place.startsWith(OWN_PLACE) ? own.get(place.substring(OWN_PLACE.length())) : null);
        return renderKeptPart(ctx, pages, key, template, model, kept);
    }

    /**
     * How a part is kept: rendered from {@code model}, whose variables may hold places ({@link Places#place}) that
     * {@code values} fills in for each request (null for a place it does not know, which the request model's
     * stand-ins then fill).
     */
    public record Kept(Supplier<Map<String, Object>> model, Function<String, String> values) {}

    /** The general form of {@link #renderKeptPart}: {@code model} is what the part is rendered whole from. */
    public String renderKeptPart(
            Context ctx, PageCache pages, String name, String template, Map<String, Object> model, Kept kept) {
        StandIns standIns = new StandIns();
        if (!pages.enabled() || !requestModel.standIn(ctx, standIns)) {
            return render(ctx, template, model);
        }
        Places part = pages.part(ctx, name + " " + standIns.key(), () -> {
            FastStringWriter out = new FastStringWriter(room(template));
            process(ctx, template, standIns.variables(), kept.model().get(), out);
            return Places.of(out.toString());
        });
        return part.fill(values(kept.values(), standIns));
    }

    public void html(Context ctx, String template, Map<String, Object> model) {
        send(ctx, renderUtf8(ctx, template, model));
    }

    /** Sends a page rendered by {@link #renderUtf8}, saying it is UTF-8. */
    public static void send(Context ctx, byte[] page) {
        ctx.contentType(HTML_UTF8).result(page);
    }

    private void process(Context ctx, String template, Map<String, Object> model, Writer out) {
        Map<String, Object> request = new HashMap<>();
        requestModel.addTo(ctx, request);
        process(ctx, template, request, model, out);
    }

    /** @param request the request model's variables, or their stand-ins */
    private void process(
            Context ctx, String template, Map<String, Object> request, Map<String, Object> model, Writer out) {
        WebContext context = new WebContext(exchange(ctx), Locales.of(ctx));
        Map<String, Object> variables = new HashMap<>(request);
        variables.putAll(model);
        variables.put("lang", Locales.of(ctx).getLanguage());
        variables.put("path", ctx.path());
        variables.put("appVersion", version);
        variables.put("requestId", RequestIds.of(ctx));
        context.setVariables(variables);
        int selector = template.indexOf("::");
        if (selector < 0) {
            engine.process(template, context, out);
        } else {
            String name = template.substring(0, selector).trim();
            String fragment = template.substring(selector + 2).trim();
            engine.process(name, Set.of(fragment), context, out);
        }
    }

    private int room(String template) {
        return lastLength.getOrDefault(template, 1024);
    }

    /** The next rendering of this template starts with an eighth more room than this one took. */
    private void remember(String template, int length) {
        int room = length + length / 8;
        if (lastLength.getOrDefault(template, 0) != room) {
            lastLength.put(template, room);
        }
    }

    private org.thymeleaf.web.IWebExchange exchange(Context ctx) {
        JakartaServletWebApplication app = application;
        if (app == null) {
            app = JakartaServletWebApplication.buildApplication(ctx.req().getServletContext());
            application = app;
        }
        return app.buildExchange(ctx.req(), ctx.res());
    }
}
