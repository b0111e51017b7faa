package org.lectern.accounts;

import static org.lectern.accounts.UserRepository.at;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.AUDIT_EVENT;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;
import org.lectern.db.schema.tables.AppUser;

/** The security audit log in {@code audit_event}: appended to, read by admins, never changed. */
final class AuditRepository {
    private final DSLContext dsl;

    AuditRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** One event as the admin's audit page shows it: names as they are now, the typed email as it was. */
    record Entry(
            long id,
            OffsetDateTime occurredAt,
            String kind,
            String actorName,
            String actorEmail,
            String subjectName,
            String subjectEmail,
            String email,
            String ip,
            String detail) {}

    /** What happened; the ids may be null (a guest failing to log in has no account). */
    record Event(AuditKind kind, Long actorId, Long subjectId, String email, String ip, String detail) {}

    void append(Event event, Instant now) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.OCCURRED_AT, at(now))
                .set(AUDIT_EVENT.KIND, event.kind().code())
                .set(AUDIT_EVENT.ACTOR_ID, event.actorId())
                .set(AUDIT_EVENT.SUBJECT_ID, event.subjectId())
                .set(AUDIT_EVENT.EMAIL, event.email())
                .set(AUDIT_EVENT.IP, event.ip())
                .set(AUDIT_EVENT.DETAIL, event.detail() == null ? "" : event.detail())
                .execute();
    }

    /** The newest events first, {@code limit} of them, older than {@code beforeId} when given. */
    List<Entry> latest(Long beforeId, int limit) {
        AppUser actor = APP_USER.as("actor");
        AppUser subject = APP_USER.as("subject");
        return dsl.select(
                        AUDIT_EVENT.ID,
                        AUDIT_EVENT.OCCURRED_AT,
                        AUDIT_EVENT.KIND,
                        actor.DISPLAY_NAME,
                        actor.EMAIL,
                        subject.DISPLAY_NAME,
                        subject.EMAIL,
                        AUDIT_EVENT.EMAIL,
                        AUDIT_EVENT.IP,
                        AUDIT_EVENT.DETAIL)
                .from(AUDIT_EVENT)
                .leftJoin(actor)
                .on(actor.ID.eq(AUDIT_EVENT.ACTOR_ID))
                .leftJoin(subject)
                .on(subject.ID.eq(AUDIT_EVENT.SUBJECT_ID))
                .where(beforeId == null ? org.jooq.impl.DSL.noCondition() : AUDIT_EVENT.ID.lt(beforeId))
                .orderBy(AUDIT_EVENT.ID.desc())
                .limit(limit)
                .fetch(r -> new Entry(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5(),
                        r.value6(),
                        r.value7(),
                        r.value8(),
                        r.value9(),
                        r.value10()));
    }
}
