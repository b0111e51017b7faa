package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import org.lectern.web.Flash;
import org.lectern.web.Form;

/** {@code /signup}: a new learner account, signed in at once. */
final class SignupController {
    private final AccountService accounts;
    private final Sessions sessions;
    private final CurrentUser currentUser;
    private final FormPages pages;
    private final Flash flash;

    SignupController(
            AccountService accounts, Sessions sessions, CurrentUser currentUser, FormPages pages, Flash flash) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.pages = pages;
        this.flash = flash;
    }

    void form(Context ctx) {
        String next = LoginController.nextAfterLogin(ctx.queryParam("next"));
        if (currentUser.signedIn(ctx)) {
            ctx.redirect(next);
            return;
        }
        show(ctx, 200, new Form().value("next", next));
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
            show(ctx, 400, form);
            return;
        }
        try {
            User user = accounts.signUp(email, name, password, Role.LEARNER, ctx.ip());
            sessions.start(ctx, user, false);
            flash.set(ctx, "accounts.flash.welcomeNew");
            ctx.redirect(next);
        } catch (InvalidInput problem) {
            show(ctx, 400, pages.with(ctx, form, problem));
        }
    }

    private void show(Context ctx, int status, Form form) {
        pages.show(ctx, status, "accounts/signup", form, Map.of("minLength", accounts.minPasswordLength()));
    }
}
