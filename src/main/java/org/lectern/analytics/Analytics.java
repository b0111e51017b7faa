package org.lectern.analytics;

import io.javalin.config.JavalinConfig;
import org.jooq.DSLContext;
import org.lectern.content.Catalog;
import org.lectern.web.Access;
import org.lectern.web.Renderer;

/**
 * Admin analytics: quiz item analysis, feedback, the completion funnel and runs, read-only, under
 * {@code /admin/analytics}. Admins only: courses record no author, so an author's "own courses" cannot be told
 * apart yet.
 */
public final class Analytics {
    private final AnalyticsController controller;

    public Analytics(DSLContext dsl, Catalog catalog, Renderer renderer) {
        this.controller = new AnalyticsController(new Reports(dsl), catalog, renderer);
    }

    public void addRoutes(JavalinConfig web) {
        var routes = web.routes;
        routes.get("/admin/analytics", controller::courses, Access.ADMIN);
        routes.get("/admin/analytics/{course}", controller::overview, Access.ADMIN);
        routes.get("/admin/analytics/{course}/quiz", controller::quiz, Access.ADMIN);
        routes.get("/admin/analytics/{course}/feedback", controller::feedback, Access.ADMIN);
        routes.get("/admin/analytics/{course}/runs", controller::runs, Access.ADMIN);
        routes.get("/admin/analytics/{course}/export/{table}", controller::export, Access.ADMIN);
    }
}
