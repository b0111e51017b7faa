package org.lectern.accounts;

import java.time.Clock;
import java.util.List;
import org.jooq.DSLContext;
import org.lectern.accounts.AuditRepository.Event;

/**
 * What admins do to people: find them, change their role, disable and enable them, and the first admin's creation.
 * Admins cannot change or disable themselves, so the site always keeps an admin who can undo a mistake.
 */
final class UserAdministration {
    static final int PAGE_SIZE = 100;
    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;

    UserAdministration(DSLContext dsl, PasswordHasher hasher, PasswordPolicy policy, AuditLog audit, Clock clock) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    List<UserRepository.Summary> search(String query) {
        return new UserRepository(dsl).search(query.strip(), PAGE_SIZE);
    }

    List<AuditRepository.Entry> auditEntries(Long beforeId) {
        return new AuditRepository(dsl).latest(beforeId, PAGE_SIZE);
    }

    /** @return false when there is no such person */
    boolean changeRole(User admin, long userId, Role role, String ip) {
        return change(admin, userId, (tx, users, target) -> {
            Role before = target.user().role();
            if (before != role) {
                users.updateRole(userId, role);
                String detail = before.code() + " -> " + role.code();
                audit.record(tx, new Event(AuditKind.ROLE_CHANGED, admin.id(), userId, null, ip, detail));
            }
        });
    }

    /** Disabling ends the person's sessions at once; enabling lets them log in again. */
    boolean setEnabled(User admin, long userId, boolean enabled, String ip) {
        return change(admin, userId, (tx, users, target) -> {
            if (target.disabled() == enabled) {
                users.setDisabled(userId, enabled ? null : clock.instant());
                int ended = enabled ? 0 : Sessions.endAllOf(tx, userId);
                AuditKind kind = enabled ? AuditKind.USER_ENABLED : AuditKind.USER_DISABLED;
                String detail = enabled ? "" : ended + " session(s) ended";
                audit.record(tx, new Event(kind, admin.id(), userId, null, ip, detail));
            }
        });
    }

    private interface Change {
        void apply(DSLContext tx, UserRepository users, UserRepository.Credentials target);
    }

    /** Applies an admin's change to another person in one transaction; false when there is no such person. */
    private boolean change(User admin, long userId, Change change) {
        refuseSelf(admin, userId);
        return dsl.transactionResult(c -> {
            UserRepository users = new UserRepository(c.dsl());
            var target = users.credentials(userId);
            target.ifPresent(t -> change.apply(c.dsl(), users, t));
            return target.isPresent();
        });
    }

    private static void refuseSelf(User admin, long userId) {
        if (admin.id() == userId) {
            throw new InvalidInput("user", "admin.users.notYourself");
        }
    }

    /**
     * Makes an admin from the command line or the environment: a new account, or an existing one promoted (and
     * given this password, since whoever runs this controls the server anyway).
     *
     * @throws InvalidInput when the email or password is not acceptable
     */
    User createAdmin(String email, String displayName, String password, String origin) {
        if (!Emails.plausible(email)) {
            throw new InvalidInput("email", "accounts.email.invalid");
        }
        String name = AccountService.cleanName(displayName.isBlank() ? email.split("@")[0] : displayName);
        policy.check(password, email, name).ifPresent(p -> {
            throw InvalidInput.of("password", p);
        });
        String hash = hasher.hash(password);
        return dsl.transactionResult(c -> {
            UserRepository users = new UserRepository(c.dsl());
            var existing = users.credentials(email);
            long id;
            if (existing.isPresent()) {
                id = existing.get().user().id();
                users.updateRole(id, Role.ADMIN);
                users.updatePassword(id, hash);
                users.setDisabled(id, null);
            } else {
                id = users.insert(email, name, hash, Role.ADMIN, clock.instant());
            }
            audit.record(c.dsl(), new Event(AuditKind.ADMIN_CREATED, null, id, email, null, origin));
            return users.credentials(id).orElseThrow().user();
        });
    }

    boolean hasAdmin() {
        return new UserRepository(dsl).activeAdmins() > 0;
    }
}
