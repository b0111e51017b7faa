package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import org.lectern.web.Flash;
import org.lectern.web.Form;

/** {@code /account}: who you are, and changing your password (which signs out your other devices). */
final class AccountController {
    private final AccountService accounts;
    private final Sessions sessions;
    private final CurrentUser currentUser;
    private final FormPages pages;
    private final Flash flash;

    AccountController(
            AccountService accounts, Sessions sessions, CurrentUser currentUser, FormPages pages, Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.pages = pages;
        this.flash = flash;
    }

    void show(Context ctx) {
        show(ctx, 200, new Form());
    }

    void changePassword(Context ctx) {
        User user = currentUser.of(ctx).orElseThrow();
        String current = FormPages.param(ctx, "current");
        String replacement = FormPages.param(ctx, "password");
        Form form = new Form();
        if (current.isEmpty()) {
            form.error("current", pages.text(ctx, "accounts.password.required"));
        }
        if (replacement.isEmpty()) {
            form.error("password", pages.text(ctx, "accounts.password.required"));
        }
        if (!form.valid()) {
            show(ctx, 400, form);
            return;
        }
        try {
            accounts.changePassword(user, current, replacement, ctx.ip());
            // Every session ended with the change; this browser gets a new one and stays signed in.
            sessions.start(ctx, user, false);
            flash.set(ctx, "accounts.flash.passwordChanged");
            ctx.redirect("/account");
        } catch (InvalidInput problem) {
            show(ctx, 400, pages.with(ctx, form, problem));
        }
    }

    private void show(Context ctx, int status, Form form) {
        User user = currentUser.of(ctx).orElseThrow();
        pages.show(
                ctx,
                status,
                "accounts/account",
                form,
                Map.of("account", user, "minLength", accounts.minPasswordLength()));
    }
}
