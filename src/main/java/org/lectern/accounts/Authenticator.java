package org.lectern.accounts;

import java.time.Duration;
import java.util.Optional;
import org.jooq.DSLContext;
import org.lectern.accounts.AuditRepository.Event;

/**
 * Decides a login attempt. Unknown email and wrong password get the same answer in the same time (a dummy hash
 * check), and both count towards the throttle, so neither the answer nor its timing tells who has an account.
 */
final class Authenticator {
    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditLog audit;

    Authenticator(DSLContext dsl, PasswordHasher hasher, LoginThrottle throttle, AuditLog audit) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** How an attempt ended. */
    sealed interface Outcome {
        record SignedIn(User user) implements Outcome {}

        record Rejected() implements Outcome {}

        record Throttled(Duration retryAfter) implements Outcome {}

        record Disabled() implements Outcome {}
    }

    Outcome attempt(String email, String password, String ip) {
        Duration wait = throttle.wait(email, ip);
        if (!wait.isZero()) {
            return new Outcome.Throttled(wait);
        }
        Optional<UserRepository.Credentials> found = new UserRepository(dsl).credentials(email);
        boolean matches;
        if (found.isPresent()) {
            matches = hasher.verify(password, found.get().passwordHash());
        } else {
            hasher.verifyNothing(password);
            matches = false;
        }
        Long subject = found.map(c -> c.user().id()).orElse(null);
        if (!matches) {
            boolean locked = throttle.recordFailure(email, ip);
            audit.record(new Event(AuditKind.LOGIN_FAILED, null, subject, email, ip, ""));
            if (locked) {
                audit.record(new Event(AuditKind.LOGIN_THROTTLED, null, subject, email, ip, ""));
            }
            return new Outcome.Rejected();
        }
        UserRepository.Credentials account = found.get();
        if (account.disabled()) {
            audit.record(new Event(AuditKind.LOGIN_FAILED, null, subject, email, ip, "account disabled"));
            return new Outcome.Disabled();
        }
        throttle.recordSuccess(email);
        dsl.transaction(c -> {
            if (hasher.outdated(account.passwordHash())) {
                new UserRepository(c.dsl()).updatePassword(subject, hasher.hash(password));
            }
            audit.record(c.dsl(), new Event(AuditKind.LOGIN, subject, subject, email, ip, ""));
        });
        return new Outcome.SignedIn(account.user());
    }
}
