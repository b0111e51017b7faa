package org.lectern.accounts;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.lectern.web.Access;
import org.lectern.web.ErrorPages;

/**
 * Checks a route's declared {@link Access} before its handler runs. Guests asking for a page are sent to the login
 * form (and back afterwards); guests posting, and programs, get 401; a signed-in person without the role gets 403.
 * A route that declares no rule, or more than one, fails closed.
 */
final class AccessGate {
    private final CurrentUser currentUser;

    AccessGate(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    void check(Context ctx) {
        if (ctx.endpoints().matchedHttpEndpoint() == null) {
            return; // a static file or WebJar, public by nature: they are served without a route
        }
        Access access = ruleOf(ctx.routeRoles());
        if (access == Access.ANYONE || access == Access.METRICS) {
            return; // METRICS: the handler checks the scraper's own credential
        }
        // A page that depends on who is asking must never be kept by a browser or a proxy for someone else.
        ctx.header("Cache-Control", "private, no-store");
        Optional<User> user = currentUser.of(ctx);
        if (user.isEmpty()) {
            if (ctx.method() == HandlerType.GET && !ErrorPages.wantsJson(ctx)) {
                ctx.redirect("/login?next=" + URLEncoder.encode(pathAndQuery(ctx), StandardCharsets.UTF_8));
                ctx.skipRemainingHandlers();
                return;
            }
            throw new UnauthorizedResponse();
        }
        if (!user.get().role().grants(access)) {
            throw new ForbiddenResponse();
        }
    }

    static Access ruleOf(Set<RouteRole> roles) {
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Access access)) {
            throw new IllegalStateException("A route must declare exactly one Access rule, not " + roles);
        }
        return access;
    }

    private static String pathAndQuery(Context ctx) {
        String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }
}
