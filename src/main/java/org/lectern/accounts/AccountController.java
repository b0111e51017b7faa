package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import org.lectern.web.Flash;
import org.lectern.web.Form;

/**
 * {@code /signup} makes a learner account, signed in at once; {@code /account} shows who you are and changes your
 * password (which signs out your other devices).
 */
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

    void signupForm(Context ctx) {
        String next = LoginController.nextAfterLogin(ctx.queryParam("next"));
        if (currentUser.signedIn(ctx)) {
            ctx.redirect(next);
            return;
        }
        showSignup(ctx, 200, new Form().value("next", next));
    }

    void signup(Context ctx) {
        String email = Emails.normalize(FormPages.param(ctx, "email"));
        String name = FormPages.param(ctx, "displayName");
        String password = FormPages.param(ctx, "password");
        String next = LoginController.nextAfterLogin(ctx.formParam("next"));
        Form form = new Form().value("email", email).value("displayName", name).value("next", next);
        if (name.isBlank()) {
            form.error("displayName", pages.text(ctx, "accounts.name.required"));
        }
        if (email.isEmpty()) {
            form.error("email", pages.text(ctx, "accounts.email.required"));
        }
        if (password.isEmpty()) {
            form.error("password", pages.text(ctx, "accounts.password.required"));
        }
        if (!form.valid()) {
            showSignup(ctx, 400, form);
            return;
        }
        try {
            User user = accounts.signUp(email, name, password, Role.LEARNER, ctx.ip());
            sessions.start(ctx, user, false);
            flash.set(ctx, "accounts.flash.welcomeNew");
            ctx.redirect(next);
        } catch (InvalidInput problem) {
            showSignup(ctx, 400, pages.with(ctx, form, problem));
        }
    }

    private void showSignup(Context ctx, int status, Form form) {
        pages.show(ctx, status, "accounts/signup", form, Map.of("minLength", accounts.minPasswordLength()));
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
