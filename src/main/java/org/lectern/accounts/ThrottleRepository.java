package org.lectern.accounts;

import static org.lectern.accounts.UserRepository.at;
import static org.lectern.db.schema.Tables.LOGIN_THROTTLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Login throttle windows in {@code login_throttle}, one row per key, shared by every node. */
final class ThrottleRepository {
    private final DSLContext dsl;

    ThrottleRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<ThrottleWindow> find(Collection<String> keys) {
        return dsl.selectFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.THROTTLE_KEY.in(keys))
                .fetch(r -> new ThrottleWindow(
                        r.getFailures(), r.getWindowStart().toInstant(), instant(r.getLockedUntil())));
    }

    /** The window of a key, locked against other nodes until the transaction ends; created empty when missing. */
    ThrottleWindow lock(String key, Instant now) {
        dsl.insertInto(LOGIN_THROTTLE)
                .set(LOGIN_THROTTLE.THROTTLE_KEY, key)
                .set(LOGIN_THROTTLE.FAILURES, 0)
                .set(LOGIN_THROTTLE.WINDOW_START, at(now))
                .onConflictDoNothing()
                .execute();
        var r = dsl.selectFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.THROTTLE_KEY.eq(key))
                .forUpdate()
                .fetchSingle();
        return new ThrottleWindow(r.getFailures(), r.getWindowStart().toInstant(), instant(r.getLockedUntil()));
    }

    void save(String key, ThrottleWindow window) {
        dsl.update(LOGIN_THROTTLE)
                .set(LOGIN_THROTTLE.FAILURES, window.failures())
                .set(LOGIN_THROTTLE.WINDOW_START, at(window.windowStart()))
                .set(LOGIN_THROTTLE.LOCKED_UNTIL, window.lockedUntil() == null ? null : at(window.lockedUntil()))
                .where(LOGIN_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }

    void delete(String key) {
        dsl.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.THROTTLE_KEY.eq(key))
                .execute();
    }

    /** Forgets windows that ended long ago and hold no lock, so the table stays small. */
    void deleteOlderThan(Instant cutoff, Instant now) {
        dsl.deleteFrom(LOGIN_THROTTLE)
                .where(LOGIN_THROTTLE.WINDOW_START.lt(at(cutoff)))
                .and(LOGIN_THROTTLE.LOCKED_UNTIL.isNull().or(LOGIN_THROTTLE.LOCKED_UNTIL.lt(at(now))))
                .execute();
    }

    private static Instant instant(OffsetDateTime time) {
        return Optional.ofNullable(time).map(OffsetDateTime::toInstant).orElse(null);
    }
}
