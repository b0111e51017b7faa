package org.lectern.accounts;

import static org.lectern.db.schema.Tables.APP_USER;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** People's accounts in {@code app_user}. Emails arrive here already normalised (see {@link Emails}). */
final class UserRepository {
    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An account with what only sign-in may see. */
    record Credentials(User user, String passwordHash, boolean disabled) {}

    /** A row of the admin's list of people. */
    record Summary(
            long id,
            String email,
            String displayName,
            Role role,
            boolean disabled,
            OffsetDateTime createdAt,
            OffsetDateTime lastSeenAt) {}

    Optional<Credentials> credentials(String email) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.EMAIL.eq(email))
                .fetchOptional()
                .map(r -> new Credentials(toUser(r), r.getPasswordHash(), r.getDisabledAt() != null));
    }

    Optional<Credentials> credentials(long id) {
        return dsl.selectFrom(APP_USER)
                .where(APP_USER.ID.eq(id))
                .fetchOptional()
                .map(r -> new Credentials(toUser(r), r.getPasswordHash(), r.getDisabledAt() != null));
    }

    boolean emailTaken(String email) {
        return dsl.fetchExists(APP_USER, APP_USER.EMAIL.eq(email));
    }

    long insert(String email, String displayName, String passwordHash, Role role, Instant now) {
        return dsl.insertInto(APP_USER)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.ROLE, role.code())
                .set(APP_USER.CREATED_AT, at(now))
                .returningResult(APP_USER.ID)
                .fetchSingle()
                .value1();
    }

    void updatePassword(long id, String passwordHash) {
        dsl.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    void updateRole(long id, Role role) {
        dsl.update(APP_USER)
                .set(APP_USER.ROLE, role.code())
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    /** @param since when the account was disabled, or null to enable it again */
    void setDisabled(long id, Instant since) {
        dsl.update(APP_USER)
                .set(APP_USER.DISABLED_AT, since == null ? null : at(since))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    void touch(long id, Instant now) {
        dsl.update(APP_USER)
                .set(APP_USER.LAST_SEEN_AT, at(now))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    int activeAdmins() {
        return dsl.fetchCount(APP_USER, APP_USER.ROLE.eq(Role.ADMIN.code()).and(APP_USER.DISABLED_AT.isNull()));
    }

    /** Up to {@code limit} people whose email or name contains the query, most recently active first. */
    List<Summary> search(String query, int limit) {
        Condition matches = query.isBlank()
                ? DSL.noCondition()
                : APP_USER.EMAIL.containsIgnoreCase(query).or(APP_USER.DISPLAY_NAME.containsIgnoreCase(query));
        return dsl.selectFrom(APP_USER)
                .where(matches)
                .orderBy(APP_USER.LAST_SEEN_AT.desc().nullsLast(), APP_USER.ID.desc())
                .limit(limit)
                .fetch(r -> new Summary(
                        r.getId(),
                        r.getEmail(),
                        r.getDisplayName(),
                        role(r.getRole()),
                        r.getDisabledAt() != null,
                        r.getCreatedAt(),
                        r.getLastSeenAt()));
    }

    static User toUser(Record r) {
        return new User(
                r.get(APP_USER.ID), r.get(APP_USER.EMAIL), r.get(APP_USER.DISPLAY_NAME), role(r.get(APP_USER.ROLE)));
    }

    private static Role role(String code) {
        return Role.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown role in database: " + code));
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
