package org.lectern.accounts;

import java.util.Locale;
import java.util.Optional;
import org.lectern.web.Access;

/** What a person may do: learners read and run, authors also write courses, admins also manage people. */
public enum Role {
    LEARNER,
    AUTHOR,
    ADMIN;

    /** Whether this role may use a route declared with the given access. */
    public boolean grants(Access access) {
        return switch (access) {
            case ANYONE, SIGNED_IN -> true;
            case AUTHOR -> this == AUTHOR || this == ADMIN;
            case ADMIN -> this == ADMIN;
            case METRICS -> false;
        };
    }

    /** The name stored in the database and sent by forms. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromCode(String code) {
        for (Role role : values()) {
            if (role.code().equals(code)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
