package org.lectern.web;

import io.javalin.security.RouteRole;

/**
 * Who may use a route. Every route declares exactly one, beside its path in the routes table, and it is checked
 * before the handler runs; a test fails the build when a route has none.
 */
public enum Access implements RouteRole {
    /** Everyone, guests included. */
    ANYONE,
    /** Any signed-in person, whatever their role. */
    SIGNED_IN,
    /** Authors and admins. */
    AUTHOR,
    /** Admins only. */
    ADMIN,
    /**
     * Machines, not people: the route checks its own credential ({@link Metrics}: a bearer token, or loopback only),
     * and no session or role ever grants it.
     */
    METRICS
}
