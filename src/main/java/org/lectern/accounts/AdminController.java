package org.lectern.accounts;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.web.Flash;

/** {@code /admin/users} (find people, change roles, disable and enable) and {@code /admin/audit}. */
final class AdminController {
    private final UserAdministration administration;
    private final CurrentUser currentUser;
    private final FormPages pages;
    private final Flash flash;

    AdminController(UserAdministration administration, CurrentUser currentUser, FormPages pages, Flash flash) {
        this.administration = administration;
        this.currentUser = currentUser;
        this.pages = pages;
        this.flash = flash;
    }

    void users(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q");
        List<UserRepository.Summary> users = administration.search(query);
        Map<String, Object> model = new HashMap<>();
        model.put("query", query);
        model.put("users", users);
        model.put("roles", Role.values());
        model.put("full", users.size() >= UserAdministration.PAGE_SIZE);
        pages.show(ctx, "admin/users", model);
    }

    void changeRole(Context ctx) {
        Role role = Role.fromCode(ctx.formParam("role")).orElseThrow(BadRequestResponse::new);
        act(ctx, (admin, id) -> administration.changeRole(admin, id, role, ctx.ip()), "admin.flash.roleChanged");
    }

    void changeStatus(Context ctx) {
        String enabled = ctx.formParam("enabled");
        if (!"true".equals(enabled) && !"false".equals(enabled)) {
            throw new BadRequestResponse();
        }
        boolean enable = Boolean.parseBoolean(enabled);
        act(
                ctx,
                (admin, id) -> administration.setEnabled(admin, id, enable, ctx.ip()),
                enable ? "admin.flash.enabled" : "admin.flash.disabled");
    }

    private interface Action {
        boolean apply(User admin, long userId);
    }

    private void act(Context ctx, Action action, String flashKey) {
        long userId = userId(ctx);
        try {
            if (!action.apply(currentUser.of(ctx).orElseThrow(), userId)) {
                throw new NotFoundResponse();
            }
            flash.set(ctx, flashKey);
        } catch (InvalidInput notYourself) {
            flash.set(ctx, notYourself.messageKey());
        }
        String query = ctx.formParam("q");
        ctx.redirect(query == null || query.isBlank() ? "/admin/users" : "/admin/users?q=" + encode(query));
    }

    void audit(Context ctx) {
        Long before = null;
        String param = ctx.queryParam("before");
        if (param != null) {
            try {
                before = Long.parseLong(param);
            } catch (NumberFormatException e) {
                throw new BadRequestResponse();
            }
        }
        List<AuditRepository.Entry> entries = administration.auditEntries(before);
        Map<String, Object> model = new HashMap<>();
        model.put("entries", entries);
        model.put(
                "older",
                entries.size() >= UserAdministration.PAGE_SIZE
                        ? entries.get(entries.size() - 1).id()
                        : null);
        pages.show(ctx, "admin/audit", model);
    }

    private static long userId(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
