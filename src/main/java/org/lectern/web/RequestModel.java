package org.lectern.web;

import io.javalin.http.Context;
import java.util.Map;

/** Variables every page of a request may use (the signed-in person, the form token, a flash message). */
public interface RequestModel {
    RequestModel NONE = constant(Map.of());

    void addTo(Context ctx, Map<String, Object> variables);

    /**
     * Adds this request's variables to a page kept with places ({@link Renderer#renderKept}) as stand-ins, with the
     * values of their places. False when they cannot stand in for this request: the page is then rendered whole. A
     * model that says nothing here is never kept, so one that differs between readers cannot leak into a kept page.
     */
    default boolean standIn(Context ctx, StandIns standIns) {
        return false;
    }

    /** Variables that are the same for every request. */
    static RequestModel constant(Map<String, Object> variables) {
        return new RequestModel() {
            @Override
            public void addTo(Context ctx, Map<String, Object> into) {
                into.putAll(variables);
            }

            @Override
            public boolean standIn(Context ctx, StandIns standIns) {
                variables.forEach(standIns::variable);
                return true;
            }
        };
    }

    default RequestModel and(RequestModel next) {
        RequestModel first = this;
        return new RequestModel() {
            @Override
            public void addTo(Context ctx, Map<String, Object> variables) {
                first.addTo(ctx, variables);
                next.addTo(ctx, variables);
            }

            @Override
            public boolean standIn(Context ctx, StandIns standIns) {
                return first.standIn(ctx, standIns) && next.standIn(ctx, standIns);
            }
        };
    }
}
