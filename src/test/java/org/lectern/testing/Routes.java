package org.lectern.testing;

import io.javalin.router.Endpoint;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lectern.web.Access;

/** The app's registered routes, as tests enumerate them, with sample values for their path parameters. */
public final class Routes {
    private Routes() {}

    /** A route: method, path pattern and the roles it declared. */
    public record Route(String method, String pattern, Set<RouteRole> roles) {
        public Access access() {
            return (Access) roles.iterator().next();
        }

        public boolean safe() {
            return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        }

        /** The pattern with every {@code {param}} or {@code <param>} replaced by a value from the map. */
        public String path(Map<String, String> samples) {
            String path = pattern;
            for (var sample : samples.entrySet()) {
                path = path.replace("{" + sample.getKey() + "}", sample.getValue())
                        .replace("<" + sample.getKey() + ">", sample.getValue());
            }
            if (path.contains("{") || path.contains("<")) {
                throw new IllegalStateException(
                        "No sample value for a parameter of " + pattern + ": add one to the test's samples");
            }
            return path;
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    public static List<Route> of(TestServer server) {
        return server.app().routes().stream().map(Routes::route).toList();
    }

    private static Route route(Endpoint endpoint) {
        var roles = endpoint.metadata(io.javalin.security.Roles.class);
        return new Route(endpoint.method.name(), endpoint.path, roles == null ? Set.of() : roles.getRoles());
    }
}
