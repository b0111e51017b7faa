package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import org.lectern.config.Config;
import org.lectern.web.Flash;
import org.lectern.web.Form;
import org.lectern.web.Locales;
import org.lectern.web.SameOrigin;

/** {@code /password/forgot} asks for a reset link; {@code /password/reset} uses one. */
final class PasswordResetController {
    private final PasswordResets resets;
    private final AccountService accounts;
    private final Config.Accounts config;
    private final FormPages pages;
    private final Flash flash;

    PasswordResetController(
            PasswordResets resets, AccountService accounts, Config.Accounts config, FormPages pages, Flash flash) {
        this.resets = resets;
        this.accounts = accounts;
        this.config = config;
        this.pages = pages;
        this.flash = flash;
    }

    void forgotForm(Context ctx) {
        pages.show(ctx, 200, "accounts/forgot", new Form());
    }

    void forgot(Context ctx) {
        String email = Emails.normalize(FormPages.param(ctx, "email"));
        if (!Emails.plausible(email)) {
            Form form = new Form().value("email", email).error("email", pages.text(ctx, "accounts.email.invalid"));
            pages.show(ctx, 400, "accounts/forgot", form);
            return;
        }
        // The public URL, when set, keeps a forged Host header out of the links we mail.
        String site = config.publicUrl().isEmpty() ? SameOrigin.of(ctx) : config.publicUrl();
        resets.request(email, ctx.ip(), site, Locales.of(ctx));
        flash.set(ctx, "accounts.flash.resetSent");
        ctx.redirect("/login");
    }

    void resetForm(Context ctx) {
        String token = ctx.queryParam("token");
        if (!resets.usable(token)) {
            ctx.status(400);
            pages.show(ctx, "accounts/reset-invalid", Map.of());
            return;
        }
        show(ctx, 200, new Form().value("token", token));
    }

    void reset(Context ctx) {
        String token = FormPages.param(ctx, "token");
        String password = FormPages.param(ctx, "password");
        Form form = new Form().value("token", token);
        if (password.isEmpty()) {
            show(ctx, 400, form.error("password", pages.text(ctx, "accounts.password.required")));
            return;
        }
        try {
            if (!resets.reset(token, password, ctx.ip())) {
                ctx.status(400);
                pages.show(ctx, "accounts/reset-invalid", Map.of());
                return;
            }
            flash.set(ctx, "accounts.flash.passwordReset");
            ctx.redirect("/login");
        } catch (InvalidInput problem) {
            show(ctx, 400, pages.with(ctx, form, problem));
        }
    }

    private void show(Context ctx, int status, Form form) {
        pages.show(ctx, status, "accounts/reset", form, Map.of("minLength", accounts.minPasswordLength()));
    }
}
