package org.lectern.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lectern.analytics.ItemAnalysisRepository.OptionCounts;
import org.lectern.analytics.ItemAnalysisRepository.OptionRow;
import org.lectern.analytics.ItemAnalysisRepository.QuestionRow;
import org.lectern.analytics.ItemAnalysisRepository.QuestionSums;
import org.lectern.analytics.ItemAnalysisRepository.TotalSums;
import org.lectern.quiz.Grader;

/**
 * Turns the sums the database returns into Moodle's statistics. With s learners, x a learner's mark on a question
 * (0 when unanswered), X their total and r = X − x, every (co)variance divides by s − 1.
 */
final class ItemStatistics {
    static final double FACILITY_HIGH = 90;
    static final double FACILITY_LOW = 20;
    static final double DISCRIMINATION_LOW = 20;

    private ItemStatistics() {}

    static ItemReport.Summary summary(TotalSums t, int questions, double maxMarks, double sumOfMarkVariances) {
        long s = t.learners();
        if (s == 0) {
            return new ItemReport.Summary(0, questions, maxMarks, null, null, null, null, null, null, null, null);
        }
        Double sd = null, skewness = null, kurtosis = null, alpha = null, errorRatio = null, standardError = null;
        if (s > 1) {
            double k2 = t.dev2() / (s - 1);
            sd = Math.sqrt(k2);
            if (s > 2 && k2 > 0) {
                double m2 = t.dev2() / s, m3 = t.dev3() / s, m4 = t.dev4() / s;
                double k3 = (double) s * s * m3 / ((s - 1.0) * (s - 2.0));
                skewness = k3 / Math.pow(k2, 1.5);
                if (s > 3) {
                    double k4 = (double) s
                            * s
                            * ((s + 1.0) * m4 - 3.0 * (s - 1) * m2 * m2)
                            / ((s - 1.0) * (s - 2.0) * (s - 3.0));
                    kurtosis = k4 / (k2 * k2);
                }
                if (questions > 1) {
                    alpha = 100.0 * questions / (questions - 1) * (1 - sumOfMarkVariances / k2);
                    errorRatio = 100 * Math.sqrt(1 - alpha / 100);
                    standardError = errorRatio * sd / 100;
                }
            }
        }
        return new ItemReport.Summary(
                s, questions, maxMarks, t.mean(), t.median(), sd, skewness, kurtosis, alpha, errorRatio, standardError);
    }

    /** The variance of x over all s learners (unanswered counting 0). */
    static double markVariance(QuestionSums q, long s) {
        return s > 1 ? (q.sumMarkSquared() - q.sumMark() * q.sumMark() / s) / (s - 1) : 0;
    }

    static List<ItemReport.QuestionStats> questions(
            List<QuestionRow> rows,
            Map<Long, QuestionSums> sums,
            Map<Long, Double> sortedProducts,
            List<OptionRow> options,
            Map<Long, OptionCounts> counts,
            TotalSums totals,
            long topSize,
            long bottomSize) {
        long s = totals.learners();
        double totalPoints = rows.stream().mapToDouble(QuestionRow::points).sum();
        Map<Long, Double> covWithTotal = new HashMap<>();
        double sumOfRoots = 0;
        for (QuestionRow row : rows) {
            QuestionSums q = sums.getOrDefault(row.id(), new QuestionSums(row.id(), 0, 0, 0, 0, null));
            if (s > 1) {
                double cov = (q.sumMarkTotal() - q.sumMark() * totals.sumTotal() / s) / (s - 1);
                covWithTotal.put(row.id(), cov);
                sumOfRoots += cov > 0 ? Math.sqrt(cov) : 0;
            }
        }
        List<ItemReport.QuestionStats> result = new ArrayList<>();
        int number = 0;
        for (QuestionRow row : rows) {
            QuestionSums q = sums.getOrDefault(row.id(), new QuestionSums(row.id(), 0, 0, 0, 0, null));
            List<OptionRow> own =
                    options.stream().filter(o -> o.questionId() == row.id()).toList();
            Double facility = null, sd = null, discrimination = null, efficiency = null, effective = null;
            if (s > 0) {
                facility = 100 * q.sumMark() / s / row.points();
            }
            if (s > 1) {
                double varX = markVariance(q, s);
                sd = 100 * Math.sqrt(varX) / row.points();
                double sumRest = totals.sumTotal() - q.sumMark();
                double sumRestSquared = totals.sumTotalSquared() - 2 * q.sumMarkTotal() + q.sumMarkSquared();
                double sumMarkRest = q.sumMarkTotal() - q.sumMarkSquared();
                double cov = (sumMarkRest - q.sumMark() * sumRest / s) / (s - 1);
                double varRest = (sumRestSquared - sumRest * sumRest / s) / (s - 1);
                if (varX > 0 && varRest > 0) {
                    discrimination = 100 * cov / Math.sqrt(varX * varRest);
                }
                double covMax = (sortedProducts.getOrDefault(row.id(), 0.0) - q.sumMark() * sumRest / s) / (s - 1);
                if (covMax > 0) {
                    efficiency = 100 * cov / covMax;
                }
                double covTotal = covWithTotal.get(row.id());
                if (covTotal >= 0 && sumOfRoots > 0) {
                    effective = 100 * Math.sqrt(covTotal) / sumOfRoots;
                }
            }
            result.add(new ItemReport.QuestionStats(
                    row.id(),
                    ++number,
                    row.chapterTitle(),
                    row.key(),
                    row.kind(),
                    row.prompt(),
                    row.points(),
                    q.answered(),
                    facility,
                    sd,
                    randomGuess(row, own),
                    discrimination,
                    efficiency,
                    totalPoints == 0 ? 0 : 100 * row.points() / totalPoints,
                    effective,
                    q.medianTimeMs() == null ? null : q.medianTimeMs() / 1000,
                    flags(facility, discrimination),
                    options(own, counts, q.answered(), topSize, bottomSize)));
        }
        return result;
    }

    /**
     * Σ x₍ₖ₎·r₍ₖ₎ for two sorted samples of equal size given as value → count: pairs the k-th smallest of each.
     */
    static double sortedProduct(java.util.NavigableMap<Double, Long> xs, java.util.NavigableMap<Double, Long> rs) {
        var x = xs.entrySet().iterator();
        var r = rs.entrySet().iterator();
        double sum = 0;
        Map.Entry<Double, Long> xe = null, re = null;
        long xLeft = 0, rLeft = 0;
        while (true) {
            if (xLeft == 0) {
                if (!x.hasNext()) {
                    break;
                }
                xe = x.next();
                xLeft = xe.getValue();
            }
            if (rLeft == 0) {
                if (!r.hasNext()) {
                    break;
                }
                re = r.next();
                rLeft = re.getValue();
            }
            long both = Math.min(xLeft, rLeft);
            sum += both * xe.getKey() * re.getKey();
            xLeft -= both;
            rLeft -= both;
        }
        return sum;
    }

    /** The "needs checking" rule: facility above 90% or below 20%, discrimination below 20 or negative. */
    static List<String> flags(Double facility, Double discrimination) {
        List<String> flags = new ArrayList<>();
        if (facility != null && facility > FACILITY_HIGH) {
            flags.add("analytics.flag.tooEasy");
        }
        if (facility != null && facility < FACILITY_LOW) {
            flags.add("analytics.flag.tooHard");
        }
        if (discrimination != null && discrimination < 0) {
            flags.add("analytics.flag.negative");
        } else if (discrimination != null && discrimination < DISCRIMINATION_LOW) {
            flags.add("analytics.flag.weak");
        }
        return flags;
    }

    private static List<ItemReport.OptionStats> options(
            List<OptionRow> own, Map<Long, OptionCounts> counts, long answered, long topSize, long bottomSize) {
        return own.stream()
                .map(o -> {
                    OptionCounts c = counts.getOrDefault(o.id(), new OptionCounts(o.id(), 0, 0, 0));
                    double top = topSize == 0 ? 0 : 100.0 * c.top() / topSize;
                    double bottom = bottomSize == 0 ? 0 : 100.0 * c.bottom() / bottomSize;
                    return new ItemReport.OptionStats(
                            o.key(),
                            o.body(),
                            o.correct(),
                            c.chosen(),
                            answered == 0 ? 0 : 100.0 * c.chosen() / answered,
                            top,
                            bottom,
                            !o.correct() && top > bottom);
                })
                .toList();
    }

    /**
     * The expected mark (as a percentage) of someone answering at random: single choice, one option of n; multiple
     * choice, any non-empty set of options, marked as {@link Grader} marks it; Parsons, one ordering of the n lines
     * (indentation aside); output prediction cannot be guessed.
     */
    static Double randomGuess(QuestionRow row, List<OptionRow> options) {
        return switch (row.kind()) {
            case "single" ->
                options.isEmpty()
                        ? null
                        : 100.0 * options.stream().filter(OptionRow::correct).count() / options.size();
            case "multiple" -> multipleGuess(options);
            case "parsons" ->
                100.0
                        / factorial(Grader.lines(row.answer() == null ? "" : row.answer())
                                .size());
            default -> 0.0;
        };
    }

    private static Double multipleGuess(List<OptionRow> options) {
        int n = options.size();
        long correct = options.stream().filter(OptionRow::correct).count();
        if (n == 0 || n > 16 || correct == 0) {
            return null;
        }
        long wrong = n - correct;
        double total = 0;
        for (int set = 1; set < (1 << n); set++) {
            int hits = 0, falseAlarms = 0;
            for (int i = 0; i < n; i++) {
                if ((set & (1 << i)) != 0) {
                    if (options.get(i).correct()) {
                        hits++;
                    } else {
                        falseAlarms++;
                    }
                }
            }
            double mark = (double) hits / correct - (wrong == 0 ? 0 : (double) falseAlarms / wrong);
            total += hits == correct && falseAlarms == 0 ? 1 : Math.max(0, Math.min(1, mark));
        }
        return 100 * total / ((1 << n) - 1);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
