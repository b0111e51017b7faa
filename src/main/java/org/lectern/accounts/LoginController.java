package org.lectern.accounts;

import io.javalin.http.Context;
import org.lectern.accounts.AuditRepository.Event;
import org.lectern.web.Flash;
import org.lectern.web.Form;
import org.lectern.web.Redirects;

/** {@code /login} and {@code /logout}. */
final class LoginController {
    private final Authenticator authenticator;
    private final Sessions sessions;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final FormPages pages;
    private final Flash flash;

    LoginController(
            Authenticator authenticator,
            Sessions sessions,
            CurrentUser currentUser,
            AuditLog audit,
            FormPages pages,
            Flash flash) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.audit = audit;
        this.pages = pages;
        this.flash = flash;
    }

    void form(Context ctx) {
        String next = nextAfterLogin(ctx.queryParam("next"));
        if (currentUser.signedIn(ctx)) {
            ctx.redirect(next);
            return;
        }
        pages.show(ctx, 200, "accounts/login", new Form().value("next", next));
    }

    void login(Context ctx) {
        String email = Emails.normalize(FormPages.param(ctx, "email"));
        String password = FormPages.param(ctx, "password");
        boolean remember = ctx.formParam("remember") != null;
        String next = nextAfterLogin(ctx.formParam("next"));
        Form form = new Form().value("email", email).value("next", next);
        if (email.isEmpty() || email.length() > Emails.MAX_LENGTH) {
            form.error("email", pages.text(ctx, "accounts.email.required"));
        }
        if (password.isEmpty() || password.length() > PasswordPolicy.MAX_LENGTH) {
            form.error("password", pages.text(ctx, "accounts.password.required"));
        }
        if (!form.valid()) {
            pages.show(ctx, 400, "accounts/login", form);
            return;
        }
        Authenticator.Outcome outcome = authenticator.attempt(email, password, ctx.ip());
        if (outcome instanceof Authenticator.Outcome.SignedIn signedIn) {
            sessions.start(ctx, signedIn.user(), remember);
            flash.set(ctx, "accounts.flash.welcomeBack");
            ctx.redirect(next);
        } else if (outcome instanceof Authenticator.Outcome.Throttled throttled) {
            long seconds = throttled.retryAfter().toSeconds();
            ctx.header("Retry-After", Long.toString(seconds));
            refuse(ctx, form, 429, "accounts.login.throttled", Math.max(1, (seconds + 59) / 60));
        } else if (outcome instanceof Authenticator.Outcome.Disabled) {
            refuse(ctx, form, 403, "accounts.login.disabled");
        } else {
            refuse(ctx, form, 401, "accounts.login.failed");
        }
    }

    private void refuse(Context ctx, Form form, int status, String key, Object... args) {
        pages.show(ctx, status, "accounts/login", form.error("form", pages.text(ctx, key, args)));
    }

    void logout(Context ctx) {
        currentUser
                .of(ctx)
                .ifPresent(user ->
                        audit.record(new Event(AuditKind.LOGOUT, user.id(), user.id(), user.email(), ctx.ip(), "")));
        sessions.end(ctx);
        flash.set(ctx, "accounts.flash.loggedOut");
        ctx.redirect("/");
    }

    /** Back to where the person was, but never to another site nor to the account forms themselves. */
    static String nextAfterLogin(String next) {
        String safe = Redirects.safeNext(next);
        return safe.startsWith("/login") || safe.startsWith("/signup") || safe.startsWith("/password") ? "/" : safe;
    }
}
