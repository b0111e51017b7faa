package org.lectern.accounts;

import java.time.Clock;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.lectern.accounts.AuditRepository.Event;

/** Creating accounts and changing passwords: the rules, the hashing, the audit entry, in one transaction each. */
final class AccountService {
    static final int MAX_NAME_LENGTH = 100;
    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    AccountService(DSLContext dsl, PasswordHasher hasher, PasswordPolicy policy, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** @throws InvalidInput when the email is taken or malformed, the name empty or the password weak */
    User signUp(String email, String displayName, String password, Role role, String ip) {
        String name = cleanName(displayName);
        if (!Emails.plausible(email)) {
            throw new InvalidInput("email", "accounts.email.invalid");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new InvalidInput("displayName", "accounts.name.invalid", MAX_NAME_LENGTH);
        }
        policy.check(password, email, name).ifPresent(p -> {
            throw InvalidInput.of("password", p);
        });
        String hash = hasher.hash(password);
        try {
            return dsl.transactionResult(c -> {
                UserRepository users = new UserRepository(c.dsl());
                if (users.emailTaken(email)) {
                    throw new InvalidInput("email", "accounts.email.taken");
                }
                long id = users.insert(email, name, hash, role, clock.instant());
                audit.record(c.dsl(), new Event(AuditKind.SIGNUP, id, id, email, ip, role.code()));
                return new User(id, email, name, role);
            });
        } catch (IntegrityConstraintViolationException raced) {
            throw new InvalidInput("email", "accounts.email.taken");
        }
    }

    /** Checks the current password, sets the new one and ends every session of the person (the caller starts one). */
    void changePassword(User user, String current, String replacement, String ip) {
        var credentials = new UserRepository(dsl).credentials(user.id()).orElseThrow();
        if (!hasher.verify(current, credentials.passwordHash())) {
            throw new InvalidInput("current", "accounts.password.currentWrong");
        }
        policy.check(replacement, user.email(), user.displayName()).ifPresent(p -> {
            throw InvalidInput.of("password", p);
        });
        String hash = hasher.hash(replacement);
        dsl.transaction(c -> {
            new UserRepository(c.dsl()).updatePassword(user.id(), hash);
            Sessions.endAllOf(c.dsl(), user.id());
            audit.record(c.dsl(), new Event(AuditKind.PASSWORD_CHANGED, user.id(), user.id(), user.email(), ip, ""));
        });
    }

    /** Names are shown everywhere: one line, no control characters, no surrounding space. */
    static String cleanName(String name) {
        return name == null
                ? ""
                : name.replaceAll("[\\p{Cntrl}\\p{Zl}\\p{Zp}]", " ").strip();
    }

    int minPasswordLength() {
        return policy.minLength();
    }
}
