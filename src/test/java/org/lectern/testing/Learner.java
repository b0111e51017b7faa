package org.lectern.testing;

import org.lectern.accounts.Role;

/** A learner account made for a test, signed in: its id for the database, and the visitor acting as it. */
public record Learner(long id, Visitor visitor) {
    public static final String PASSWORD = "a long and unusual passphrase";

    /** Creates the learner {@code name@example.org} on {@code server} and logs it in. */
    public static Learner signedIn(TestServer server, String name) {
        long id = server.app()
                .accounts()
                .createUser(name + "@example.org", name, PASSWORD, Role.LEARNER)
                .id();
        return new Learner(id, new Visitor(server).logIn(name + "@example.org", PASSWORD));
    }
}
