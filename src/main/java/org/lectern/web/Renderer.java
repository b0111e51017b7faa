package org.lectern.web;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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

    private final TemplateEngine engine = new TemplateEngine();
    /**
     * The length each template last rendered to, so the next rendering starts with room for it: Thymeleaf's own
     * writer starts at 100 characters and doubles, which copied a chapter page's text about ten times.
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

    /** Renders to a string, for callers that cache or post-process the page. */
    public String render(Context ctx, String template, Map<String, Object> model) {
        WebContext context = new WebContext(exchange(ctx), Locales.of(ctx));
        Map<String, Object> variables = new HashMap<>();
        requestModel.addTo(ctx, variables);
        variables.putAll(model);
        variables.put("lang", Locales.of(ctx).getLanguage());
        variables.put("path", ctx.path());
        variables.put("appVersion", version);
        variables.put("requestId", RequestIds.of(ctx));
        context.setVariables(variables);
        FastStringWriter out = new FastStringWriter(lastLength.getOrDefault(template, 1024));
        int selector = template.indexOf("::");
        if (selector < 0) {
            engine.process(template, context, out);
        } else {
            String name = template.substring(0, selector).trim();
            String fragment = template.substring(selector + 2).trim();
            engine.process(name, Set.of(fragment), context, out);
        }
        String html = out.toString();
        int room = html.length() + html.length() / 8;
        if (lastLength.getOrDefault(template, 0) != room) {
            lastLength.put(template, room);
        }
        return html;
    }

    public void html(Context ctx, String template, Map<String, Object> model) {
        ctx.html(render(ctx, template, model));
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
