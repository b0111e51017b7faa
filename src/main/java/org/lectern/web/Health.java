package org.lectern.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code GET /health}: 200 when the database answers, 503 otherwise, with what was checked. */
public final class Health {
    private final BooleanSupplier database;
    private final String version;

    public Health(BooleanSupplier database, String version) {
        this.database = database;
        this.version = version;
    }

    void show(Context ctx) {
        boolean dbOk = database.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", dbOk ? "ok" : "unavailable");
        body.put("database", dbOk ? "ok" : "unreachable");
        body.put("version", version);
        ctx.header("Cache-Control", "no-store");
        ctx.status(dbOk ? 200 : 503).json(body);
    }
}
