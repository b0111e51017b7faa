package org.lectern.web;

import io.javalin.http.Context;
import java.util.Map;

/** Variables every page of a request may use (the signed-in person, the form token, a flash message). */
@FunctionalInterface
public interface RequestModel {
    RequestModel NONE = (ctx, variables) -> {};

    void addTo(Context ctx, Map<String, Object> variables);

    default RequestModel and(RequestModel next) {
        return (ctx, variables) -> {
            addTo(ctx, variables);
            next.addTo(ctx, variables);
        };
    }
}
