package org.lectern.accounts;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;
import org.lectern.config.Config;
import org.lectern.web.Cookies;
import org.lectern.web.Csrf;

/**
 * Sign-in sessions kept in the database, so they survive a restart and any node can serve them. The cookie holds
 * a random token; the table holds its hash. A "remember me" session gets a cookie that outlives the browser; any
 * other gets a browser-session cookie and ends on the server after the idle timeout.
 */
final class Sessions {
    static final String COOKIE = "lectern_session";
    private static final String ATTRIBUTE = "accounts.session";
    // A write per request would be wasteful; the idle timeout and "last activity" only need minute precision.
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final DSLContext dsl;
    private final Config.Accounts config;
    private final Cookies cookies;
    private final Csrf csrf;
    private final Clock clock;
    private final Tokens tokens = new Tokens();

    Sessions(DSLContext dsl, Config.Accounts config, Cookies cookies, Csrf csrf, Clock clock) {
        this.dsl = dsl;
        this.config = config;
        this.cookies = cookies;
        this.csrf = csrf;
        this.clock = clock;
    }

    /**
     * Signs the browser in with a brand-new session id: whatever session cookie it carried before is revoked, so an
     * id planted by someone else (session fixation) never becomes a signed-in one. The CSRF token changes too.
     */
    void start(Context ctx, User user, boolean remember) {
        end(ctx);
        Instant now = clock.instant();
        String token = tokens.create();
        dsl.transaction(c -> {
            SessionRepository sessions = new SessionRepository(c.dsl());
            sessions.deleteExpired(now);
            sessions.insert(
                    Tokens.hash(token),
                    user.id(),
                    remember,
                    now,
                    now.plus(config.rememberFor()),
                    ctx.ip(),
                    ctx.userAgent());
            new UserRepository(c.dsl()).touch(user.id(), now);
        });
        int maxAge = remember ? (int) config.rememberFor().toSeconds() : Cookies.BROWSER_SESSION;
        cookies.set(ctx, COOKIE, token, maxAge);
        ctx.attribute(ATTRIBUTE, Optional.of(user));
    }

    /** Signs the browser out: the session row goes, the cookie goes, the CSRF token changes. */
    void end(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (Tokens.wellFormed(token)) {
            new SessionRepository(dsl).deleteByToken(Tokens.hash(token));
        }
        if (token != null) {
            cookies.clear(ctx, COOKIE);
        }
        csrf.rotate(ctx);
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    /** The signed-in person of this request, looked up once and remembered for the rest of it. */
    Optional<User> user(Context ctx) {
        Optional<User> known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            // a lookup that fails (the database is down) is not tried again for this request's error page
            ctx.attribute(ATTRIBUTE, Optional.empty());
            known = lookUp(ctx.cookie(COOKIE));
            ctx.attribute(ATTRIBUTE, known);
        }
        return known;
    }

    private Optional<User> lookUp(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        SessionRepository sessions = new SessionRepository(dsl);
        Optional<SessionRepository.Found> found = sessions.find(Tokens.hash(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SessionRepository.Found session = found.get();
        Instant now = clock.instant();
        if (!SessionClock.alive(
                now, session.lastSeenAt(), session.expiresAt(), session.persistent(), config.sessionIdle())) {
            sessions.delete(session.id());
            return Optional.empty();
        }
        if (session.lastSeenAt().plus(TOUCH_EVERY).isBefore(now)) {
            dsl.transaction(c -> {
                new SessionRepository(c.dsl()).touch(session.id(), now);
                new UserRepository(c.dsl()).touch(session.user().id(), now);
            });
        }
        return Optional.of(session.user());
    }

    /** Ends every session of a person, e.g. when they are disabled or their password changes. */
    static int endAllOf(DSLContext tx, long userId) {
        return new SessionRepository(tx).deleteAllOf(userId);
    }
}
