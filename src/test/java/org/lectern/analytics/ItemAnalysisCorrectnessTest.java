package org.lectern.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lectern.testing.OpenDatabases;
import org.lectern.testing.TestDatabase;

/**
 * Item analysis on a fixed dataset, on H2 and on PostgreSQL. The expected numbers are worked out here from the raw
 * attempts by plain arithmetic (a learner-by-question table of marks, then two-pass means and deviations, sorting
 * for medians and the largest covariance), never by calling the code under test.
 */
class ItemAnalysisCorrectnessTest {
    private static final double EPS = 1e-9;

    @TempDir
    Path dataDir;

    @RegisterExtension
    final OpenDatabases databases = new OpenDatabases();

    /** A question of the dataset: its points and its options' correctness, keyed as the attempts name them. */
    private record Q(String key, String kind, int points, Map<String, Boolean> options) {}

    /** A raw attempt: learner number, question key, attempt number, fraction, chosen option keys, time, day. */
    private record A(int learner, String question, int no, double fraction, String options, Long ms, int day) {}

    private static final List<Q> QUESTIONS = List.of(
            new Q("q1", "single", 1, options("a1", true, "a2", false, "a3", false)),
            new Q("q2", "multiple", 2, options("b1", true, "b2", true, "b3", false)),
            new Q("q3", "output", 1, Map.of()),
            new Q("q4", "single", 1, options("d1", true, "d2", false)));

    private static final List<A> ATTEMPTS = List.of(
            new A(1, "q1", 1, 1, "a1", 12_000L, 1),
            new A(1, "q2", 1, 1, "b1,b2", 30_000L, 1),
            new A(1, "q3", 1, 1, null, 20_000L, 1),
            new A(1, "q4", 1, 1, "d1", 5_000L, 1),
            new A(2, "q1", 1, 0, "a2", 8_000L, 1),
            new A(2, "q1", 2, 1, "a1", 4_000L, 5),
            new A(2, "q2", 1, 0.5, "b1", 25_000L, 1),
            new A(2, "q3", 1, 0, null, null, 1),
            new A(2, "q3", 2, 1, null, 9_000L, 5),
            new A(2, "q4", 1, 0, "d2", 7_000L, 1),
            new A(3, "q1", 1, 1, "a1", 15_000L, 2),
            new A(3, "q2", 1, 0, "b1,b3", 40_000L, 2),
            new A(3, "q3", 1, 1, null, 11_000L, 2),
            new A(3, "q4", 1, 1, "d1", 3_000L, 2),
            new A(4, "q1", 1, 0, "a3", 9_000L, 2),
            new A(4, "q2", 1, 0.5, "b2", 22_000L, 2),
            new A(4, "q2", 2, 1, "b1,b2", 10_000L, 6),
            new A(4, "q4", 1, 1, "d1", 6_000L, 2),
            new A(5, "q1", 1, 0, "a2", 10_000L, 3),
            new A(5, "q2", 1, 0, "b3", 18_000L, 3),
            new A(5, "q3", 1, 0, null, 14_000L, 3),
            new A(5, "q4", 1, 0, "d2", 4_000L, 3),
            new A(5, "q4", 2, 1, "d1", 2_000L, 3),
            new A(6, "q1", 1, 1, "a1", 7_000L, 3),
            new A(6, "q2", 1, 0, "b1,b2,b3", 35_000L, 3),
            new A(6, "q3", 1, 1, null, 16_000L, 3),
            new A(7, "q1", 1, 0, "a3", 6_000L, 4),
            new A(7, "q1", 2, 0, "a2", 5_000L, 4),
            new A(7, "q1", 3, 1, "a1", 3_000L, 4),
            new A(7, "q3", 1, 0, null, 13_000L, 4),
            new A(7, "q4", 1, 0, "d2", 8_000L, 4));

    private final Map<String, Long> questionIds = new LinkedHashMap<>();
    private final Map<String, Long> optionIds = new LinkedHashMap<>();
    private final Map<Integer, Long> learnerIds = new LinkedHashMap<>();
    private long course, section, chapterA;

    private DSLContext open(TestDatabase kind) {
        return databases.open(kind, dataDir).dsl();
    }

    private ItemAnalysis seeded(TestDatabase kind) {
        DSLContext dsl = open(kind);
        AnalyticsFixture fixture = new AnalyticsFixture(dsl);
        course = fixture.course("stats");
        section = fixture.section(course, "s1", 1);
        chapterA = fixture.chapter(section, "a", 1);
        long chapterB = fixture.chapter(section, "b", 2);
        int position = 0;
        for (Q q : QUESTIONS) {
            long chapter = q.key().equals("q4") ? chapterB : chapterA;
            long id = fixture.question(chapter, q.key(), ++position, q.kind(), q.points(), "2");
            questionIds.put(q.key(), id);
            int optionPosition = 0;
            for (var option : q.options().entrySet()) {
                optionIds.put(
                        option.getKey(), fixture.option(id, option.getKey(), ++optionPosition, option.getValue()));
            }
        }
        for (int learner = 1; learner <= 7; learner++) {
            learnerIds.put(learner, fixture.learner("learner" + learner));
        }
        for (A a : ATTEMPTS) {
            String ids = a.options() == null
                    ? null
                    : Arrays.stream(a.options().split(","))
                            .map(k -> Long.toString(optionIds.get(k)))
                            .collect(Collectors.joining(","));
            fixture.attempt(
                    learnerIds.get(a.learner()),
                    questionIds.get(a.question()),
                    a.no(),
                    a.fraction(),
                    ids,
                    a.ms(),
                    day(a.day()));
        }
        return new ItemAnalysis(dsl);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theChapterQuizMatchesMoodlesDefinitionsOnFirstAttempts(TestDatabase kind) {
        ItemAnalysis analysis = seeded(kind);
        List<String> keys = List.of("q1", "q2", "q3");
        ReportFilter filter = ReportFilter.ALL;
        ItemReport report = analysis.report(Scope.chapter(course, section, chapterA), filter);
        assertMatches(report, keys, filter);
        assertThat(report.summary().learners()).isEqualTo(7);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void lastAndBestAttemptsAndAPeriodChangeTheNumbersAsTheyShould(TestDatabase kind) {
        ItemAnalysis analysis = seeded(kind);
        List<String> keys = List.of("q1", "q2", "q3", "q4");
        for (AttemptBasis basis : AttemptBasis.values()) {
            ReportFilter filter = new ReportFilter(basis, null, null);
            assertMatches(analysis.report(Scope.section(course, section), filter), keys, filter);
            assertMatches(analysis.report(Scope.course(course), filter), keys, filter);
        }
        ReportFilter period = new ReportFilter(AttemptBasis.FIRST, LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 5));
        assertMatches(analysis.report(Scope.course(course), period), keys, period);
        ReportFilter lastInPeriod =
                new ReportFilter(AttemptBasis.LAST, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 4));
        assertMatches(analysis.report(Scope.course(course), lastInPeriod), keys, lastInPeriod);
    }

    /** Works the statistics out from {@link #ATTEMPTS} and compares them with the report. */
    private void assertMatches(ItemReport report, List<String> keys, ReportFilter filter) {
        Map<String, Map<Integer, A>> chosen = new LinkedHashMap<>();
        for (String key : keys) {
            Map<Integer, A> byLearner = new LinkedHashMap<>();
            for (int learner = 1; learner <= 7; learner++) {
                int l = learner;
                pick(
                                ATTEMPTS.stream()
                                        .filter(a ->
                                                a.learner() == l && a.question().equals(key) && inPeriod(a, filter))
                                        .toList(),
                                filter.basis())
                        .ifPresent(a -> byLearner.put(l, a));
            }
            chosen.put(key, byLearner);
        }
        List<Integer> learners = new ArrayList<>();
        for (int learner = 1; learner <= 7; learner++) {
            int l = learner;
            if (chosen.values().stream().anyMatch(m -> m.containsKey(l))) {
                learners.add(l);
            }
        }
        int s = learners.size();
        Map<String, Integer> points = QUESTIONS.stream().collect(Collectors.toMap(Q::key, Q::points));
        double[][] x = new double[keys.size()][s];
        double[] total = new double[s];
        for (int i = 0; i < keys.size(); i++) {
            for (int j = 0; j < s; j++) {
                A a = chosen.get(keys.get(i)).get(learners.get(j));
                x[i][j] = a == null ? 0 : a.fraction() * points.get(keys.get(i));
                total[j] += x[i][j];
            }
        }
        var summary = report.summary();
        assertThat(summary.learners()).isEqualTo(s);
        assertThat(summary.questions()).isEqualTo(keys.size());
        double meanTotal = mean(total);
        double varTotal = variance(total);
        assertThat(summary.mean()).isCloseTo(meanTotal, within(EPS));
        assertThat(summary.median()).isCloseTo(median(total), within(EPS));
        assertThat(summary.standardDeviation()).isCloseTo(Math.sqrt(varTotal), within(EPS));
        double m2 = 0, m3 = 0, m4 = 0;
        for (double t : total) {
            m2 += Math.pow(t - meanTotal, 2) / s;
            m3 += Math.pow(t - meanTotal, 3) / s;
            m4 += Math.pow(t - meanTotal, 4) / s;
        }
        double k2 = s * m2 / (s - 1);
        double k3 = s * s * m3 / ((s - 1.0) * (s - 2));
        double k4 = s * s * ((s + 1) * m4 - 3 * (s - 1) * m2 * m2) / ((s - 1.0) * (s - 2) * (s - 3));
        assertThat(summary.skewness()).isCloseTo(k3 / Math.pow(k2, 1.5), within(1e-7));
        assertThat(summary.kurtosis()).isCloseTo(k4 / (k2 * k2), within(1e-7));
        double sumVar = 0;
        for (double[] row : x) {
            sumVar += variance(row);
        }
        int p = keys.size();
        double alpha = 100.0 * p / (p - 1) * (1 - sumVar / varTotal);
        assertThat(summary.alpha()).isCloseTo(alpha, within(1e-7));
        assertThat(summary.errorRatio()).isCloseTo(100 * Math.sqrt(1 - alpha / 100), within(1e-7));
        assertThat(summary.standardError())
                .isCloseTo(100 * Math.sqrt(1 - alpha / 100) * Math.sqrt(varTotal) / 100, within(1e-7));

        double totalPoints = keys.stream().mapToInt(points::get).sum();
        double sumRootCov = 0;
        double[] covWithTotal = new double[p];
        for (int i = 0; i < p; i++) {
            covWithTotal[i] = covariance(x[i], total);
            sumRootCov += covWithTotal[i] > 0 ? Math.sqrt(covWithTotal[i]) : 0;
        }
        // The groups: totals at least the ⌊s/3⌋-th highest, and at most the ⌊s/3⌋-th lowest (ties included).
        int third = s / 3;
        double[] ascending = total.clone();
        Arrays.sort(ascending);
        List<Integer> top = new ArrayList<>();
        List<Integer> bottom = new ArrayList<>();
        for (int j = 0; j < s; j++) {
            if (total[j] >= ascending[s - third]) {
                top.add(j);
            }
            if (total[j] <= ascending[third - 1]) {
                bottom.add(j);
            }
        }

        for (int i = 0; i < p; i++) {
            String key = keys.get(i);
            var stats = report.questions().get(i);
            assertThat(stats.key()).isEqualTo(key);
            int max = points.get(key);
            double[] rest = new double[s];
            for (int j = 0; j < s; j++) {
                rest[j] = total[j] - x[i][j];
            }
            assertThat(stats.answered()).isEqualTo(chosen.get(key).size());
            assertThat(stats.facility()).as(key).isCloseTo(100 * mean(x[i]) / max, within(EPS));
            assertThat(stats.standardDeviation()).isCloseTo(100 * Math.sqrt(variance(x[i])) / max, within(EPS));
            double discrimination = 100 * covariance(x[i], rest) / Math.sqrt(variance(x[i]) * variance(rest));
            assertThat(stats.discrimination()).as(key).isCloseTo(discrimination, within(1e-7));
            double[] sortedX = x[i].clone();
            double[] sortedRest = rest.clone();
            Arrays.sort(sortedX);
            Arrays.sort(sortedRest);
            double efficiency = 100 * covariance(x[i], rest) / covariance(sortedX, sortedRest);
            assertThat(stats.discriminativeEfficiency()).as(key).isCloseTo(efficiency, within(1e-7));
            assertThat(stats.intendedWeight()).isCloseTo(100 * max / totalPoints, within(EPS));
            if (covWithTotal[i] >= 0) {
                assertThat(stats.effectiveWeight())
                        .isCloseTo(100 * Math.sqrt(covWithTotal[i]) / sumRootCov, within(1e-7));
            } else {
                assertThat(stats.effectiveWeight()).isNull();
            }
            double[] times = chosen.get(key).values().stream()
                    .filter(a -> a.ms() != null)
                    .mapToDouble(a -> a.ms() / 1000.0)
                    .toArray();
            assertThat(stats.medianTimeSeconds()).isCloseTo(median(times), within(EPS));
            double facility = 100 * mean(x[i]) / max;
            assertThat(stats.flags().contains("analytics.flag.tooEasy")).isEqualTo(facility > 90);
            assertThat(stats.flags().contains("analytics.flag.tooHard")).isEqualTo(facility < 20);
            assertThat(stats.flags().contains("analytics.flag.negative")).isEqualTo(discrimination < 0);
            assertThat(stats.flags().contains("analytics.flag.weak"))
                    .isEqualTo(discrimination >= 0 && discrimination < 20);

            Q question = QUESTIONS.stream()
                    .filter(q -> q.key().equals(key))
                    .findFirst()
                    .orElseThrow();
            assertThat(stats.options())
                    .extracting(ItemReport.OptionStats::key)
                    .containsExactlyElementsOf(question.options().keySet());
            for (var option : stats.options()) {
                long chose = chosen.get(key).values().stream()
                        .filter(a -> chose(a, option.key()))
                        .count();
                long topChose = top.stream()
                        .filter(j -> chose(chosen.get(key).get(learners.get(j)), option.key()))
                        .count();
                long bottomChose = bottom.stream()
                        .filter(j -> chose(chosen.get(key).get(learners.get(j)), option.key()))
                        .count();
                assertThat(option.chosen()).as(option.key()).isEqualTo(chose);
                assertThat(option.share())
                        .isCloseTo(100.0 * chose / chosen.get(key).size(), within(EPS));
                double topShare = 100.0 * topChose / top.size();
                double bottomShare = 100.0 * bottomChose / bottom.size();
                assertThat(option.topShare()).isCloseTo(topShare, within(EPS));
                assertThat(option.bottomShare()).isCloseTo(bottomShare, within(EPS));
                assertThat(option.flagged()).isEqualTo(!option.correct() && topShare > bottomShare);
            }
        }
    }

    private static boolean chose(A attempt, String option) {
        return attempt != null
                && attempt.options() != null
                && Arrays.asList(attempt.options().split(",")).contains(option);
    }

    private static Optional<A> pick(List<A> attempts, AttemptBasis basis) {
        Comparator<A> order = switch (basis) {
            case FIRST -> Comparator.comparingInt(A::no);
            case LAST -> Comparator.comparingInt((A a) -> -a.no());
            case BEST -> Comparator.comparingDouble((A a) -> -a.fraction()).thenComparingInt(A::no);
        };
        return attempts.stream().min(order);
    }

    private static boolean inPeriod(A a, ReportFilter filter) {
        LocalDate date = day(a.day()).toLocalDate();
        return (filter.from() == null || !date.isBefore(filter.from()))
                && (filter.to() == null || !date.isAfter(filter.to()));
    }

    private static OffsetDateTime day(int day) {
        return OffsetDateTime.of(2026, 3, day, 10, 0, 0, 0, ZoneOffset.UTC);
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double variance(double[] values) {
        return covariance(values, values);
    }

    private static double covariance(double[] a, double[] b) {
        double ma = mean(a), mb = mean(b), sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (a[i] - ma) * (b[i] - mb);
        }
        return sum / (a.length - 1);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static Map<String, Boolean> options(Object... keysAndCorrect) {
        Map<String, Boolean> options = new LinkedHashMap<>();
        for (int i = 0; i < keysAndCorrect.length; i += 2) {
            options.put((String) keysAndCorrect[i], (Boolean) keysAndCorrect[i + 1]);
        }
        return options;
    }
}
