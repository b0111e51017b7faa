package org.lectern.accounts;

import java.util.Locale;

/** The security events the audit log records. */
enum AuditKind {
    SIGNUP,
    LOGIN,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    PASSWORD_CHANGED,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_RESET,
    ROLE_CHANGED,
    USER_DISABLED,
    USER_ENABLED,
    ADMIN_CREATED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
