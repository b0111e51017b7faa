package org.lectern.accounts;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import org.lectern.config.Config;

/**
 * Argon2id password hashes in PHC format, with the cost from the settings. A hash made with other settings still
 * verifies (its parameters are in the string), and {@link #outdated} says when it should be redone.
 */
final class PasswordHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private final Argon2Function argon2;
    private final String dummyHash;

    PasswordHasher(Config.Hashing hashing) {
        this.argon2 = Argon2Function.getInstance(
                hashing.memoryKib(), hashing.iterations(), hashing.parallelism(), HASH_BYTES, Argon2.ID);
        this.dummyHash = hash("no account has this password " + System.nanoTime());
    }

    String hash(String password) {
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(argon2).getResult();
    }

    boolean verify(String password, String hash) {
        try {
            return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /**
     * Spends the time of one real check, so that answering "wrong email or password" for an unknown address takes
     * as long as for a known one: response times must not tell which addresses have accounts.
     */
    void verifyNothing(String password) {
        verify(password, dummyHash);
    }

    boolean outdated(String hash) {
        try {
            return !Argon2Function.getInstanceFromHash(hash).equals(argon2);
        } catch (RuntimeException malformed) {
            return true;
        }
    }
}
