package org.lectern.accounts;

import static org.lectern.accounts.UserRepository.at;
import static org.lectern.db.schema.Tables.PASSWORD_RESET;

import java.time.Instant;
import java.util.Optional;
import org.jooq.DSLContext;

/** One-time password-reset tokens in {@code password_reset}, stored as hashes. */
final class ResetRepository {
    private final DSLContext dsl;

    ResetRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void insert(String tokenHash, long userId, Instant now, Instant expiresAt) {
        dsl.insertInto(PASSWORD_RESET)
                .set(PASSWORD_RESET.TOKEN_HASH, tokenHash)
                .set(PASSWORD_RESET.USER_ID, userId)
                .set(PASSWORD_RESET.CREATED_AT, at(now))
                .set(PASSWORD_RESET.EXPIRES_AT, at(expiresAt))
                .execute();
    }

    int createdSince(long userId, Instant since) {
        return dsl.fetchCount(
                PASSWORD_RESET, PASSWORD_RESET.USER_ID.eq(userId).and(PASSWORD_RESET.CREATED_AT.gt(at(since))));
    }

    /** The user a still-valid, unused token belongs to, locked so that two tabs cannot both use it. */
    Optional<Long> usableUser(String tokenHash, Instant now) {
        return dsl.select(PASSWORD_RESET.USER_ID)
                .from(PASSWORD_RESET)
                .where(PASSWORD_RESET.TOKEN_HASH.eq(tokenHash))
                .and(PASSWORD_RESET.USED_AT.isNull())
                .and(PASSWORD_RESET.EXPIRES_AT.gt(at(now)))
                .forUpdate()
                .fetchOptional(PASSWORD_RESET.USER_ID);
    }

    /** Uses up every open token of the person: one reset makes the other links in their mailbox worthless. */
    void useAllOf(long userId, Instant now) {
        dsl.update(PASSWORD_RESET)
                .set(PASSWORD_RESET.USED_AT, at(now))
                .where(PASSWORD_RESET.USER_ID.eq(userId))
                .and(PASSWORD_RESET.USED_AT.isNull())
                .execute();
    }
}
