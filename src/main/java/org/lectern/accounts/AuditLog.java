package org.lectern.accounts;

import java.time.Clock;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records security events in the database (for the admins' audit page) and in the log (for whoever reads logs).
 * Callers inside a transaction pass its context, so the event commits or rolls back with what it describes.
 */
final class AuditLog {
    private static final Logger log = LoggerFactory.getLogger("org.lectern.audit");
    private final DSLContext dsl;
    private final Clock clock;

    AuditLog(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Records an event on its own, for actions that change nothing else in the database. */
    void record(AuditRepository.Event event) {
        record(dsl, event);
    }

    /** Records an event inside the caller's transaction. */
    void record(DSLContext tx, AuditRepository.Event event) {
        new AuditRepository(tx).append(event, clock.instant());
        log.info(
                "audit {} actor={} subject={} email={} ip={} {}",
                event.kind().code(),
                event.actorId(),
                event.subjectId(),
                oneLine(event.email()),
                event.ip(),
                oneLine(event.detail()));
    }

    /** Typed text goes into the log on one line, so nobody can forge log lines through a form field. */
    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }
}
