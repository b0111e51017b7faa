package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.lectern.web.RequestModel;

/**
 * Who is making a request, from the session cookie, resolved at most once per request. Handlers of any feature ask
 * it ({@code currentUser.of(ctx)}, {@code currentUser.userId(ctx)}); pages get the person as {@code viewer}.
 */
public final class CurrentUser implements RequestModel {
    private final Sessions sessions;

    CurrentUser(Sessions sessions) {
        this.sessions = sessions;
    }

    public Optional<User> of(Context ctx) {
        return sessions.user(ctx);
    }

    /** The signed-in person's id, or empty for a guest: how the runner and others tell callers apart. */
    public Optional<Long> userId(Context ctx) {
        return of(ctx).map(User::id);
    }

    public boolean signedIn(Context ctx) {
        return of(ctx).isPresent();
    }

    @Override
    public void addTo(Context ctx, Map<String, Object> variables) {
        of(ctx).ifPresent(user -> variables.put("viewer", user));
    }
}
