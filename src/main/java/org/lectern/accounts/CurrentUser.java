package org.lectern.accounts;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import org.lectern.web.Places;
import org.lectern.web.RequestModel;
import org.lectern.web.StandIns;
import org.unbescape.html.HtmlEscape;

/**
 * Who is making a request, from the session cookie, resolved at most once per request. Handlers of any feature ask
 * it ({@code currentUser.of(ctx)}, {@code currentUser.userId(ctx)}); pages get the person as {@code viewer}.
 */
public final class CurrentUser implements RequestModel {
    private static final String NAME = "viewer-name";
    private static final String EMAIL = "viewer-email";

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

    /**
     * In a kept page the signed-in person stands in with places for their name and email address (escaped as a
     * template escapes text when filled in); their role shows or hides links, so it is a word of the key. A guest's
     * page is rendered whole: the page cache keeps all of it.
     */
    @Override
    public boolean standIn(Context ctx, StandIns standIns) {
        Optional<User> user = of(ctx);
        if (user.isEmpty()) {
            return false;
        }
        User viewer = user.get();
        standIns.key(viewer.role().code());
        standIns.variable("viewer", new User(0, Places.place(EMAIL), Places.place(NAME), viewer.role()));
        standIns.value(NAME, () -> HtmlEscape.escapeHtml4Xml(viewer.displayName()));
        standIns.value(EMAIL, () -> HtmlEscape.escapeHtml4Xml(viewer.email()));
        return true;
    }
}
