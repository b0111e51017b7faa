package org.lectern.accounts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;
import org.lectern.config.Config;

/**
 * Slows down password guessing: too many failed logins for one account, or from one address, lock that account
 * or address for a while. Keys are the typed email whether or not an account has it, so the lock reveals nothing.
 */
final class LoginThrottle {
    private final DSLContext dsl;
    private final Clock clock;
    private final ThrottleWindow.Limits perAccount;
    private final ThrottleWindow.Limits perIp;

    LoginThrottle(DSLContext dsl, Config.Throttle config, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
        this.perAccount = new ThrottleWindow.Limits(config.perAccount(), config.window(), config.lock());
        this.perIp = new ThrottleWindow.Limits(config.perIp(), config.window(), config.lock());
    }

    static String accountKey(String email) {
        return "account:" + email;
    }

    static String ipKey(String ip) {
        return "ip:" + ip;
    }

    /** How long a login for this email from this address must wait; zero when it may be tried. */
    Duration wait(String email, String ip) {
        Instant now = clock.instant();
        return new ThrottleRepository(dsl)
                .find(List.of(accountKey(email), ipKey(ip))).stream()
                        .map(w -> w.lockRemaining(now))
                        .max(Duration::compareTo)
                        .orElse(Duration.ZERO);
    }

    /** Counts a failure against the account and the address; true when this failure started a lock. */
    boolean recordFailure(String email, String ip) {
        Instant now = clock.instant();
        return dsl.transactionResult(c -> {
            ThrottleRepository windows = new ThrottleRepository(c.dsl());
            boolean locked = false;
            for (var key : List.of(accountKey(email), ipKey(ip))) {
                ThrottleWindow.Limits limits = key.startsWith("ip:") ? perIp : perAccount;
                ThrottleWindow after = windows.lock(key, now).afterFailure(now, limits);
                windows.save(key, after);
                locked |= !after.lockRemaining(now).isZero();
            }
            windows.deleteOlderThan(now.minus(Duration.ofDays(1)), now);
            return locked;
        });
    }

    /** A successful login forgets the account's failures; the address's stay, or one account could clear them. */
    void recordSuccess(String email) {
        new ThrottleRepository(dsl).delete(accountKey(email));
    }
}
