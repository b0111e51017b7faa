package org.lectern.accounts;

import static org.lectern.accounts.UserRepository.at;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.USER_SESSION;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** Sessions in {@code user_session}, found by the SHA-256 of the cookie's token. */
final class SessionRepository {
    private final DSLContext dsl;

    SessionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A stored session with its (enabled) owner. */
    record Found(long id, User user, boolean persistent, Instant lastSeenAt, Instant expiresAt) {}

    void insert(
            String tokenHash, long userId, boolean persistent, Instant now, Instant expiresAt, String ip, String ua) {
        dsl.insertInto(USER_SESSION)
                .set(USER_SESSION.TOKEN_HASH, tokenHash)
                .set(USER_SESSION.USER_ID, userId)
                .set(USER_SESSION.PERSISTENT, persistent)
                .set(USER_SESSION.CREATED_AT, at(now))
                .set(USER_SESSION.LAST_SEEN_AT, at(now))
                .set(USER_SESSION.EXPIRES_AT, at(expiresAt))
                .set(USER_SESSION.IP, truncate(ip, 64))
                .set(USER_SESSION.USER_AGENT, truncate(ua, 300))
                .execute();
    }

    /** The session of a token hash, unless its owner is disabled. */
    Optional<Found> find(String tokenHash) {
        return dsl.select(USER_SESSION.ID, USER_SESSION.PERSISTENT, USER_SESSION.LAST_SEEN_AT, USER_SESSION.EXPIRES_AT)
                .select(APP_USER.ID, APP_USER.EMAIL, APP_USER.DISPLAY_NAME, APP_USER.ROLE)
                .from(USER_SESSION)
                .join(APP_USER)
                .on(APP_USER.ID.eq(USER_SESSION.USER_ID))
                .where(USER_SESSION.TOKEN_HASH.eq(tokenHash).and(APP_USER.DISABLED_AT.isNull()))
                .fetchOptional(r -> new Found(
                        r.get(USER_SESSION.ID),
                        UserRepository.toUser(r),
                        r.get(USER_SESSION.PERSISTENT),
                        r.get(USER_SESSION.LAST_SEEN_AT).toInstant(),
                        r.get(USER_SESSION.EXPIRES_AT).toInstant()));
    }

    void touch(long sessionId, Instant now) {
        dsl.update(USER_SESSION)
                .set(USER_SESSION.LAST_SEEN_AT, at(now))
                .where(USER_SESSION.ID.eq(sessionId))
                .execute();
    }

    void delete(long sessionId) {
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.ID.eq(sessionId)).execute();
    }

    void deleteByToken(String tokenHash) {
        dsl.deleteFrom(USER_SESSION)
                .where(USER_SESSION.TOKEN_HASH.eq(tokenHash))
                .execute();
    }

    int deleteAllOf(long userId) {
        return dsl.deleteFrom(USER_SESSION)
                .where(USER_SESSION.USER_ID.eq(userId))
                .execute();
    }

    void deleteExpired(Instant now) {
        dsl.deleteFrom(USER_SESSION).where(USER_SESSION.EXPIRES_AT.le(at(now))).execute();
    }

    int countOf(long userId) {
        return dsl.fetchCount(USER_SESSION, USER_SESSION.USER_ID.eq(userId));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
