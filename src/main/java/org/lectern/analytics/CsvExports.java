package org.lectern.analytics;

import java.util.List;

/** Every table of the analytics screens as a {@link CsvTable}, with the columns the screens show. */
final class CsvExports {
    private CsvExports() {}

    static CsvTable summary(ItemReport report) {
        var s = report.summary();
        return new CsvTable("statistic", "value")
                .row("learners", s.learners())
                .row("questions", s.questions())
                .row("max_marks", s.maxMarks())
                .row("mean", s.mean())
                .row("median", s.median())
                .row("standard_deviation", s.standardDeviation())
                .row("skewness", s.skewness())
                .row("kurtosis", s.kurtosis())
                .row("cronbach_alpha_percent", s.alpha())
                .row("error_ratio_percent", s.errorRatio())
                .row("standard_error", s.standardError());
    }

    static CsvTable questions(ItemReport report) {
        CsvTable table = new CsvTable(
                "number",
                "chapter",
                "question_key",
                "kind",
                "points",
                "answered",
                "facility_percent",
                "standard_deviation_percent",
                "random_guess_percent",
                "discrimination_index",
                "discriminative_efficiency",
                "intended_weight_percent",
                "effective_weight_percent",
                "median_time_seconds",
                "needs_checking");
        for (var q : report.questions()) {
            table.row(
                    q.number(),
                    q.chapterTitle(),
                    q.key(),
                    q.kind(),
                    q.points(),
                    q.answered(),
                    q.facility(),
                    q.standardDeviation(),
                    q.randomGuess(),
                    q.discrimination(),
                    q.discriminativeEfficiency(),
                    q.intendedWeight(),
                    q.effectiveWeight(),
                    q.medianTimeSeconds(),
                    String.join(
                            " ",
                            q.flags().stream()
                                    .map(f -> f.substring(f.lastIndexOf('.') + 1))
                                    .toList()));
        }
        return table;
    }

    static CsvTable options(ItemReport report) {
        CsvTable table = new CsvTable(
                "question_number",
                "question_key",
                "option_key",
                "option",
                "correct",
                "chosen",
                "share_percent",
                "top_third_percent",
                "bottom_third_percent",
                "flagged");
        for (var q : report.questions()) {
            for (var o : q.options()) {
                table.row(
                        q.number(),
                        q.key(),
                        o.key(),
                        o.body(),
                        o.correct(),
                        o.chosen(),
                        o.share(),
                        o.topShare(),
                        o.bottomShare(),
                        o.flagged());
            }
        }
        return table;
    }

    static CsvTable funnel(Reports.Overview overview) {
        CsvTable table = new CsvTable(
                "number",
                "chapter",
                "reached",
                "completed",
                "completion_percent",
                "drop_off",
                "clear_yes",
                "clear_no",
                "clarity_percent",
                "comments");
        for (var c : overview.chapters()) {
            var step = c.step();
            table.row(
                    step.number(),
                    step.title(),
                    step.reached(),
                    step.completed(),
                    step.completionRate(),
                    step.dropOff(),
                    c.feedback().yes(),
                    c.feedback().no(),
                    c.clarity(),
                    c.feedback().comments());
        }
        return table;
    }

    static CsvTable comments(Reports.FeedbackReport report) {
        CsvTable table = new CsvTable("updated_at", "chapter", "clear", "comment");
        for (var c : report.comments()) {
            table.row(c.at().toInstant().toString(), c.chapterTitle(), c.clear(), c.text());
        }
        return table;
    }

    static CsvTable trend(Reports.FeedbackReport report) {
        CsvTable table = new CsvTable("week", "clear_yes", "clear_no");
        for (var w : report.weeks()) {
            table.row(w.week().toString(), w.yes(), w.no());
        }
        return table;
    }

    static CsvTable runStatuses(Reports.RunReport report) {
        CsvTable table = new CsvTable("status", "runs");
        report.statuses().forEach(s -> table.row(s.status(), s.runs()));
        return table;
    }

    static CsvTable snippets(Reports.RunReport report) {
        CsvTable table = new CsvTable("chapter", "block", "runs", "failures", "failure_percent");
        report.snippets()
                .forEach(s -> table.row(s.chapterSlug(), s.blockIndex(), s.runs(), s.failures(), s.failureRate()));
        return table;
    }

    static CsvTable challenges(Reports.RunReport report) {
        CsvTable table = new CsvTable(
                "challenge", "chapter", "submissions", "passed", "pass_percent", "learners", "learners_passed");
        report.challenges()
                .forEach(c -> table.row(
                        c.title(),
                        c.chapterTitle(),
                        c.submissions(),
                        c.passed(),
                        c.passRate(),
                        c.learners(),
                        c.learnersPassed()));
        return table;
    }

    static final List<String> TABLES = List.of(
            "summary", "questions", "options", "funnel", "comments", "trend", "run-statuses", "snippets", "challenges");
}
