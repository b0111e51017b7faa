package org.lectern.db;

import java.sql.SQLException;

/**
 * The database could not be opened at start-up: its message says why, as the database said it (unreachable, refused,
 * or an embedded file another server holds), without the address, which may carry a password.
 */
public class DatabaseUnavailableException extends RuntimeException {
    DatabaseUnavailableException(RuntimeException failure) {
        super(reason(failure), failure);
    }

    /** The database's own words: the innermost SQL error's message, else the failure's. */
    private static String reason(Throwable failure) {
        String reason = failure.getMessage();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException && cause.getMessage() != null) {
                reason = cause.getMessage();
            }
        }
        return reason;
    }
}
