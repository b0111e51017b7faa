package org.lectern.testing;

import static org.lectern.db.schema.Tables.APP_USER;

import org.jooq.DSLContext;

/** Accounts written straight into the database, for tests below the HTTP layer. */
public final class TestUsers {
    private TestUsers() {}

    /** A learner named {@code name}, with the address name@example.org and no usable password; its id. */
    public static long learner(DSLContext dsl, String name) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, name + "@example.org")
                .set(APP_USER.DISPLAY_NAME, name)
                .set(APP_USER.PASSWORD_HASH, "x")
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }
}
