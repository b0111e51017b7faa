package org.lectern.analytics;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.web.Locales;
import org.lectern.web.Renderer;

/** The {@code /admin/analytics} screens and their CSV files; every handler reads its filters, asks, renders. */
final class AnalyticsController {
    private final Reports reports;
    private final Catalog catalog;
    private final Renderer renderer;
    private final ReportParameters parameters;

    AnalyticsController(Reports reports, Catalog catalog, Renderer renderer) {
        this.reports = reports;
        this.catalog = catalog;
        this.renderer = renderer;
        this.parameters = new ReportParameters(catalog, renderer.messages());
    }

    void courses(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        model.put("courses", catalog.all());
        show(ctx, "admin/analytics/courses", model);
    }

    void overview(Context ctx) {
        CourseOutline course = parameters.course(ctx);
        ReportFilter filter = parameters.filter(ctx);
        Reports.Overview overview = reports.overview(course, filter);
        Map<String, Object> model = model(ctx, course, filter, "overview");
        model.put("overview", overview);
        model.put("funnelChart", Charts.funnel(overview.funnel().steps(), Locales.of(ctx)));
        show(ctx, "admin/analytics/overview", model);
    }

    void quiz(Context ctx) {
        CourseOutline course = parameters.course(ctx);
        ReportFilter filter = parameters.filter(ctx);
        Scope scope = parameters.scope(ctx, course);
        ItemReport report = reports.items(scope, filter);
        Map<String, Object> model = model(ctx, course, filter, "quiz");
        model.put("report", report);
        model.put("scatter", Charts.scatter(report.questions(), Locales.of(ctx)));
        Map<Long, Charts.BarChart> bars = new HashMap<>();
        report.questions().stream()
                .filter(q -> !q.options().isEmpty())
                .forEach(q -> bars.put(q.id(), Charts.options("options-" + q.id(), q.options(), Locales.of(ctx))));
        model.put("optionCharts", bars);
        model.put("quiz", ReportParameters.blankToNull(ctx.queryParam("quiz")));
        model.put("quizName", quizName(course, scope));
        show(ctx, "admin/analytics/quiz", model);
    }

    void feedback(Context ctx) {
        CourseOutline course = parameters.course(ctx);
        ReportFilter filter = parameters.filter(ctx);
        Optional<CourseOutline.Located> chapter = parameters.chapter(ctx, course);
        String search = ReportParameters.blankToNull(ctx.queryParam("q"));
        Reports.FeedbackReport report = reports.feedback(course, chapter, search, filter);
        Map<String, Object> model = model(ctx, course, filter, "feedback");
        model.put("report", report);
        model.put("trend", Charts.trend(report.weeks(), Locales.of(ctx)));
        model.put(
                "chapter",
                chapter.map(c -> c.section().slug() + "/" + c.chapter().slug()).orElse(null));
        model.put("chapterTitle", chapter.map(c -> c.chapter().title()).orElse(null));
        model.put("search", search == null ? "" : search);
        model.put("commentsShown", Reports.COMMENTS_SHOWN);
        show(ctx, "admin/analytics/feedback", model);
    }

    void runs(Context ctx) {
        CourseOutline course = parameters.course(ctx);
        ReportFilter filter = parameters.filter(ctx);
        Map<String, Object> model = model(ctx, course, filter, "runs");
        model.put("report", reports.runs(course, filter));
        show(ctx, "admin/analytics/runs", model);
    }

    /** {@code /admin/analytics/{course}/export/{table}}: one table as a CSV download, with the page's filters. */
    void export(Context ctx) {
        CourseOutline course = parameters.course(ctx);
        ReportFilter filter = parameters.filter(ctx);
        String table = ctx.pathParam("table");
        CsvTable csv = switch (table) {
            case "summary" -> CsvExports.summary(reports.items(parameters.scope(ctx, course), filter));
            case "questions" -> CsvExports.questions(reports.items(parameters.scope(ctx, course), filter));
            case "options" -> CsvExports.options(reports.items(parameters.scope(ctx, course), filter));
            case "funnel" -> CsvExports.funnel(reports.overview(course, filter));
            case "comments" -> CsvExports.comments(feedbackOf(ctx, course, filter));
            case "trend" -> CsvExports.trend(feedbackOf(ctx, course, filter));
            case "run-statuses" -> CsvExports.runStatuses(reports.runs(course, filter));
            case "snippets" -> CsvExports.snippets(reports.runs(course, filter));
            case "challenges" -> CsvExports.challenges(reports.runs(course, filter));
            default -> throw new NotFoundResponse();
        };
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Disposition", "attachment; filename=\"" + course.slug() + "-" + table + ".csv\"");
        ctx.contentType("text/csv; charset=utf-8");
        ctx.result(csv.write());
    }

    private Reports.FeedbackReport feedbackOf(Context ctx, CourseOutline course, ReportFilter filter) {
        return reports.feedback(
                course, parameters.chapter(ctx, course), ReportParameters.blankToNull(ctx.queryParam("q")), filter);
    }

    private Map<String, Object> model(Context ctx, CourseOutline course, ReportFilter filter, String screen) {
        Map<String, Object> model = new HashMap<>();
        model.put("course", course);
        model.put("filter", filter);
        model.put("bases", List.of(AttemptBasis.values()));
        model.put("screen", screen);
        model.put("fmt", new Figures(Locales.of(ctx)));
        model.put("query", filterQuery(filter));
        return model;
    }

    /** The filters as a query string (without the leading "?"), for links and CSV addresses. */
    private static String filterQuery(ReportFilter filter) {
        StringBuilder query = new StringBuilder("basis=" + filter.basis().code());
        if (filter.from() != null) {
            query.append("&from=").append(filter.from());
        }
        if (filter.to() != null) {
            query.append("&to=").append(filter.to());
        }
        return query.toString();
    }

    private static String quizName(CourseOutline course, Scope scope) {
        if (scope.chapterId() != null) {
            return course.chapters().stream()
                    .filter(l -> l.chapter().id() == scope.chapterId())
                    .map(l -> l.section().number() + "." + l.chapter().number() + " "
                            + l.chapter().title())
                    .findFirst()
                    .orElse(course.title());
        }
        if (scope.sectionId() != null) {
            return course.sections().stream()
                    .filter(s -> s.id() == scope.sectionId())
                    .map(s -> s.number() + " " + s.title())
                    .findFirst()
                    .orElse(course.title());
        }
        return course.title();
    }

    private void show(Context ctx, String template, Map<String, Object> model) {
        // Reports name learners' comments and change with every answer: never kept by a shared cache.
        ctx.header("Cache-Control", "no-store");
        renderer.html(ctx, template, model);
    }
}
