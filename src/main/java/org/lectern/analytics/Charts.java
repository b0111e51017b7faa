package org.lectern.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the report's charts, worked out here so the templates only draw: inline SVG in user units, each
 * with a text alternative (the same figures as a list, for its {@code <desc>}) beside the table it summarises.
 */
final class Charts {
    static final int WIDTH = 320;
    private static final int BAR_ROW = 22;
    private static final int LABEL = 90;
    private static final int BAR_SPACE = 180;

    private Charts() {}

    /** A horizontal bar: its label, its length in user units, the figure printed after it, and its kind. */
    record Bar(String label, int y, double length, String figure, String kind) {}

    record BarChart(String id, int height, List<Bar> bars) {
        public int labelWidth() {
            return LABEL;
        }
    }

    /** Each option's share of those who answered the question. */
    static BarChart options(String id, List<ItemReport.OptionStats> options, Locale locale) {
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (var o : options) {
            String kind = o.correct() ? "correct" : o.flagged() ? "flagged" : "plain";
            bars.add(new Bar(o.key(), y, BAR_SPACE * o.share() / 100, percent(o.share(), locale), kind));
            y += BAR_ROW;
        }
        return new BarChart(id, Math.max(y, BAR_ROW), bars);
    }

    /** Two bars per chapter, learners who reached it and who completed it, scaled to the most who reached one. */
    static BarChart funnel(List<Funnel.Step> steps, Locale locale) {
        long max = steps.stream().mapToLong(Funnel.Step::reached).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (var step : steps) {
            bars.add(new Bar(step.number(), y, scale(step.reached(), max), count(step.reached(), locale), "reached"));
            bars.add(new Bar("", y + 14, scale(step.completed(), max), count(step.completed(), locale), "completed"));
            y += 34;
        }
        return new BarChart("funnel-chart", Math.max(y, BAR_ROW), bars);
    }

    /** A question as a point: facility across, discrimination up. */
    record Point(int number, double cx, double cy, boolean flagged, String figure) {}

    /** The facility-versus-discrimination plot; the lines mark the "needs checking" limits. */
    record Scatter(
            List<Point> points, double facilityLow, double facilityHigh, double discriminationLow, double zero) {}

    static final int PLOT_LEFT = 40;
    static final int PLOT_TOP = 10;
    static final int PLOT_SIZE = 260;

    static Scatter scatter(List<ItemReport.QuestionStats> questions, Locale locale) {
        List<Point> points = questions.stream()
                .filter(q -> q.facility() != null && q.discrimination() != null)
                .map(q -> new Point(
                        q.number(),
                        x(q.facility()),
                        y(q.discrimination()),
                        q.needsChecking(),
                        String.format(locale, "Q%d: %.1f%% / %.1f", q.number(), q.facility(), q.discrimination())))
                .toList();
        return new Scatter(
                points,
                x(ItemStatistics.FACILITY_LOW),
                x(ItemStatistics.FACILITY_HIGH),
                y(ItemStatistics.DISCRIMINATION_LOW),
                y(0));
    }

    /** One week's Yes (below) and No (stacked above) as a column. */
    record Column(
            String label, double x, double yesTop, double yesHeight, double noTop, double noHeight, String figure) {}

    record Trend(List<Column> columns, double width) {}

    static final int TREND_HEIGHT = 140;

    static Trend trend(List<EngagementRepository.WeekCounts> weeks, Locale locale) {
        long max = weeks.stream().mapToLong(w -> w.yes() + w.no()).max().orElse(0);
        List<Column> columns = new ArrayList<>();
        double step = 28;
        double x = PLOT_LEFT;
        for (var w : weeks) {
            double yes = max == 0 ? 0 : (TREND_HEIGHT - 20) * (double) w.yes() / max;
            double no = max == 0 ? 0 : (TREND_HEIGHT - 20) * (double) w.no() / max;
            double base = TREND_HEIGHT;
            columns.add(new Column(
                    w.week().toString(),
                    x,
                    base - yes,
                    yes,
                    base - yes - no,
                    no,
                    String.format(locale, "%s: %d / %d", w.week(), w.yes(), w.no())));
            x += step;
        }
        return new Trend(columns, Math.max(WIDTH, x + 10));
    }

    private static double x(double facility) {
        return PLOT_LEFT + PLOT_SIZE * Math.max(0, Math.min(100, facility)) / 100;
    }

    private static double y(double discrimination) {
        return PLOT_TOP + PLOT_SIZE * (100 - Math.max(-100, Math.min(100, discrimination))) / 200;
    }

    private static double scale(long value, long max) {
        return max == 0 ? 0 : (double) BAR_SPACE * value / max;
    }

    static String percent(double value, Locale locale) {
        return String.format(locale, "%.0f%%", value);
    }

    private static String count(long value, Locale locale) {
        return String.format(locale, "%,d", value);
    }
}
