package org.lectern.accounts;

import com.nulabinc.zxcvbn.StandardDictionaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: long enough, not absurdly long, and not one of the 30,000 most common passwords
 * (zxcvbn's list, which is what attackers try first), nor the person's own email address or name.
 */
final class PasswordPolicy {
    /** Argon2 would take any length; a cap keeps one request from costing much more than another. */
    static final int MAX_LENGTH = 200;

    private final int minLength;
    private final Set<String> common;

    PasswordPolicy(int minLength) {
        this.minLength = minLength;
        try {
            this.common = Set.copyOf(StandardDictionaries.PASSWORDS_LOADER
                    .load()
                    .getRankedDictionary()
                    .keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password list is missing from the classpath", e);
        }
    }

    /** A problem found, as a message key of the bundles with its argument; empty when the password will do. */
    record Problem(String key, int argument) {}

    Optional<Problem> check(String password, String email, String displayName) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of(new Problem("accounts.password.tooShort", minLength));
        }
        if (length > MAX_LENGTH) {
            return Optional.of(new Problem("accounts.password.tooLong", MAX_LENGTH));
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isRepetition(lower)) {
            return Optional.of(new Problem("accounts.password.common", 0));
        }
        String localPart = email.toLowerCase(Locale.ROOT).split("@", 2)[0];
        if (lower.equals(email.toLowerCase(Locale.ROOT))
                || (!localPart.isEmpty() && lower.equals(localPart))
                || lower.equals(displayName.toLowerCase(Locale.ROOT).trim())) {
            return Optional.of(new Problem("accounts.password.personal", 0));
        }
        return Optional.empty();
    }

    /** "aaaaaaaaaaaa" or "abcabcabcabc": long, yet guessed at once. */
    private static boolean isRepetition(String password) {
        for (int unit = 1; unit <= 3; unit++) {
            if (password.length() % unit == 0
                    && password.equals(password.substring(0, unit).repeat(password.length() / unit))) {
                return true;
            }
        }
        return false;
    }

    int minLength() {
        return minLength;
    }
}
