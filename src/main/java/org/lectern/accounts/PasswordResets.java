package org.lectern.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jooq.DSLContext;
import org.lectern.accounts.AuditRepository.Event;
import org.lectern.web.Messages;

/**
 * "Forgot password": a one-time link, valid for an hour, mailed (or logged) to the address. The request answers
 * the same whether or not an account has that address. Using the link sets the password and ends every session.
 */
final class PasswordResets {
    static final Duration VALID_FOR = Duration.ofHours(1);
    // More than this in an hour and further requests are quietly dropped: nobody's mailbox becomes a target.
    private static final int MAX_PER_HOUR = 3;

    private final DSLContext dsl;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final Mailer mailer;
    private final Messages messages;
    private final AuditLog audit;
    private final Clock clock;
    private final Tokens tokens = new Tokens();

    PasswordResets(
            DSLContext dsl,
            PasswordHasher hasher,
            PasswordPolicy policy,
            Mailer mailer,
            Messages messages,
            AuditLog audit,
            Clock clock) {
        this.dsl = dsl;
        this.hasher = hasher;
        this.policy = policy;
        this.mailer = mailer;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param siteUrl where the link points, such as https://learn.example.org */
    void request(String email, String ip, String siteUrl, Locale locale) {
        Instant now = clock.instant();
        String token = tokens.create();
        var account = new UserRepository(dsl).credentials(email).filter(c -> !c.disabled());
        boolean send = dsl.transactionResult(c -> {
            Long subject = account.map(a -> a.user().id()).orElse(null);
            audit.record(c.dsl(), new Event(AuditKind.PASSWORD_RESET_REQUESTED, null, subject, email, ip, ""));
            if (subject == null) {
                return false;
            }
            ResetRepository resets = new ResetRepository(c.dsl());
            if (resets.createdSince(subject, now.minus(Duration.ofHours(1))) >= MAX_PER_HOUR) {
                return false;
            }
            resets.insert(Tokens.hash(token), subject, now, now.plus(VALID_FOR));
            return true;
        });
        if (send) {
            String link = siteUrl + "/password/reset?token=" + token;
            String name = account.orElseThrow().user().displayName();
            mailer.send(
                    email,
                    messages.get(locale, "accounts.reset.mail.subject"),
                    messages.get(locale, "accounts.reset.mail.body", name, link, VALID_FOR.toMinutes()));
        }
    }

    /** Whether a link's token can still be used, so the form is only shown for one that can. */
    boolean usable(String token) {
        return Tokens.wellFormed(token)
                && new ResetRepository(dsl)
                        .usableUser(Tokens.hash(token), clock.instant())
                        .isPresent();
    }

    /**
     * Sets a new password through a link.
     *
     * @return false when the link is unknown, used or expired
     * @throws InvalidInput when the new password breaks the policy
     */
    boolean reset(String token, String password, String ip) {
        if (!Tokens.wellFormed(token)) {
            return false;
        }
        Instant now = clock.instant();
        return dsl.transactionResult(c -> {
            var userId = new ResetRepository(c.dsl()).usableUser(Tokens.hash(token), now);
            if (userId.isEmpty()) {
                return false;
            }
            UserRepository users = new UserRepository(c.dsl());
            User user = users.credentials(userId.get()).orElseThrow().user();
            policy.check(password, user.email(), user.displayName()).ifPresent(p -> {
                throw InvalidInput.of("password", p);
            });
            users.updatePassword(user.id(), hasher.hash(password));
            new ResetRepository(c.dsl()).useAllOf(user.id(), now);
            Sessions.endAllOf(c.dsl(), user.id());
            audit.record(c.dsl(), new Event(AuditKind.PASSWORD_RESET, null, user.id(), user.email(), ip, ""));
            return true;
        });
    }
}
