package org.lectern.accounts;

import java.util.Locale;
import java.util.regex.Pattern;

/** Email addresses as accounts know them: trimmed and lower-cased, so "Ann@X.org" and "ann@x.org" are one. */
final class Emails {
    static final int MAX_LENGTH = 320;
    // Deliberately loose: one @, something on each side, a dot in the domain, no spaces. The reset mail proves it.
    private static final Pattern SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {}

    static String normalize(String email) {
        return email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
    }

    static boolean plausible(String normalized) {
        return normalized.length() <= MAX_LENGTH && SHAPE.matcher(normalized).matches();
    }
}
