package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.lectern.web.Form;
import org.lectern.web.Locales;
import org.lectern.web.Renderer;

/** Renders the accounts' form pages: with the person's input kept, errors in their language, the right status. */
final class FormPages {
    private final Renderer renderer;

    FormPages(Renderer renderer) {
        this.renderer = renderer;
    }

    void show(Context ctx, int status, String template, Form form, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("form", form);
        ctx.status(status);
        show(ctx, template, model);
    }

    void show(Context ctx, int status, String template, Form form) {
        show(ctx, status, template, form, Map.of());
    }

    void show(Context ctx, String template, Map<String, Object> model) {
        // Forms carry a CSRF token and what the person typed: nothing a shared cache or the back button should keep.
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, template, model);
    }

    String text(Context ctx, String key, Object... args) {
        return renderer.messages().get(Locales.of(ctx), key, args);
    }

    /** Puts a service's refusal beside the field it concerns. */
    Form with(Context ctx, Form form, InvalidInput problem) {
        return form.error(problem.field(), text(ctx, problem.messageKey(), problem.arguments()));
    }

    /** A form field as typed, or empty; never null. */
    static String param(Context ctx, String name) {
        String value = ctx.formParam(name);
        return value == null ? "" : value;
    }
}
