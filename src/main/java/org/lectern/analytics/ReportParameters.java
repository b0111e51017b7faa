package org.lectern.analytics;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.web.Locales;
import org.lectern.web.Messages;

/**
 * Reads a report's address: the course (404 when unknown), the filters {@code basis}, {@code from} and {@code to}
 * (400 with the reason when malformed), and the quiz, {@code quiz=section} or {@code quiz=section/chapter}.
 */
final class ReportParameters {
    private final Catalog catalog;
    private final Messages messages;

    ReportParameters(Catalog catalog, Messages messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    CourseOutline course(Context ctx) {
        return catalog.outline(ctx.pathParam("course")).orElseThrow(NotFoundResponse::new);
    }

    ReportFilter filter(Context ctx) {
        String basisParam = blankToNull(ctx.queryParam("basis"));
        AttemptBasis basis = basisParam == null
                ? AttemptBasis.FIRST
                : AttemptBasis.fromCode(basisParam).orElseThrow(() -> refuse(ctx, "analytics.error.basis"));
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        if (from != null && to != null && from.isAfter(to)) {
            throw refuse(ctx, "analytics.error.period");
        }
        return new ReportFilter(basis, from, to);
    }

    /** The quiz a report covers; an unknown section or chapter is a 404. */
    Scope scope(Context ctx, CourseOutline course) {
        String quiz = blankToNull(ctx.queryParam("quiz"));
        if (quiz == null) {
            return Scope.course(course.id());
        }
        String[] parts = quiz.split("/", -1);
        var section = course.sections().stream()
                .filter(s -> s.slug().equals(parts[0]))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
        if (parts.length == 1) {
            return Scope.section(course.id(), section.id());
        }
        if (parts.length != 2) {
            throw new NotFoundResponse();
        }
        var chapter = section.chapters().stream()
                .filter(c -> c.slug().equals(parts[1]))
                .findFirst()
                .orElseThrow(NotFoundResponse::new);
        return Scope.chapter(course.id(), section.id(), chapter.id());
    }

    /** The chapter named by {@code chapter=section/chapter}, if any; an unknown one is a 404. */
    Optional<CourseOutline.Located> chapter(Context ctx, CourseOutline course) {
        String param = blankToNull(ctx.queryParam("chapter"));
        if (param == null) {
            return Optional.empty();
        }
        String[] parts = param.split("/", -1);
        if (parts.length != 2) {
            throw new NotFoundResponse();
        }
        return Optional.of(course.find(parts[0], parts[1]).orElseThrow(NotFoundResponse::new));
    }

    private LocalDate date(Context ctx, String name) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw refuse(ctx, "analytics.error.date", name, value);
        }
    }

    private BadRequestResponse refuse(Context ctx, String key, Object... args) {
        return new BadRequestResponse(messages.get(Locales.of(ctx), key, args));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
