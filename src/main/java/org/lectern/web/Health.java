package org.lectern.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /health}: 200 when the database answers, 503 otherwise, with what was checked. Running code is reported
 * but does not decide the status: pages keep working when sandboxes cannot be made.
 */
public final class Health {
    private final BooleanSupplier database;
    private final String version;
    private final Supplier<Map<String, Object>> runner;

    /** @param runner the runner's figures: whether it is available, its capacity, queue and warm pool */
    public Health(BooleanSupplier database, String version, Supplier<Map<String, Object>> runner) {
        this.database = database;
        this.version = version;
        this.runner = runner;
    }

    void show(Context ctx) {
        boolean dbOk = database.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbOk ? "ok" : "unavailable");
        body.put("database", dbOk ? "ok" : "unreachable");
        body.put("version", version);
        body.put("runner", runner.get());
        ctx.header("Cache-Control", "no-store");
        ctx.status(dbOk ? 200 : 503).json(body);
    }
}
