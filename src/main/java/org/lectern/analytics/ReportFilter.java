package org.lectern.analytics;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The filters every report takes: an attempt basis and an optional period of whole days (UTC), both ends included.
 *
 * @param from null: from the beginning
 * @param to null: up to now
 */
public record ReportFilter(AttemptBasis basis, LocalDate from, LocalDate to) {
    public static final ReportFilter ALL = new ReportFilter(AttemptBasis.FIRST, null, null);

    public ReportFilter {
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from after to");
        }
    }

    /** The period's first instant, or null. */
    OffsetDateTime start() {
        return from == null ? null : from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The instant just after the period, or null. */
    OffsetDateTime end() {
        return to == null ? null : to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    boolean hasPeriod() {
        return from != null || to != null;
    }
}
