package org.lectern.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.lectern.analytics.ItemAnalysisRepository.MarkCell;
import org.lectern.analytics.ItemAnalysisRepository.OptionCounts;
import org.lectern.analytics.ItemAnalysisRepository.QuestionSums;
import org.lectern.analytics.ItemAnalysisRepository.TotalCell;
import org.lectern.analytics.ItemAnalysisRepository.TotalSums;

/** Builds a quiz's item analysis: a few aggregate queries, then the formulas over their sums and counts. */
public final class ItemAnalysis {
    private final ItemAnalysisRepository repository;

    public ItemAnalysis(DSLContext dsl) {
        this.repository = new ItemAnalysisRepository(dsl);
    }

    public ItemReport report(Scope scope, ReportFilter filter) {
        var questions = repository.questions(scope);
        var options = repository.options(scope);
        List<Long> ids =
                questions.stream().map(ItemAnalysisRepository.QuestionRow::id).toList();
        List<MarkCell> cells = repository.markHistogram(ids, filter);
        List<TotalCell> totalCells = repository.totalHistogram(ids, filter);
        var totals = totalSums(totalCells);
        long s = totals.learners();
        Map<Long, QuestionSums> sums = questionSums(cells, repository.medianTimes(ids, filter));
        Map<Long, Double> sorted = s > 1 ? sortedProducts(cells, totalCells) : Map.of();
        Thirds thirds = Thirds.of(totalCells, s / 3);
        Map<Long, OptionCounts> counts = optionCounts(cells, thirds);
        List<ItemReport.QuestionStats> stats = ItemStatistics.questions(
                questions, sums, sorted, options, counts, totals, thirds.topSize(), thirds.bottomSize());
        double sumOfVariances = questions.stream()
                .mapToDouble(q -> sums.containsKey(q.id()) ? ItemStatistics.markVariance(sums.get(q.id()), s) : 0)
                .sum();
        double maxMarks = questions.stream()
                .mapToDouble(ItemAnalysisRepository.QuestionRow::points)
                .sum();
        return new ItemReport(ItemStatistics.summary(totals, questions.size(), maxMarks, sumOfVariances), stats);
    }

    /** s, ΣX, ΣX², the mean, the median and the central moments, from how many learners have each total. */
    static TotalSums totalSums(List<TotalCell> cells) {
        List<TotalCell> sorted = cells.stream()
                .sorted(java.util.Comparator.comparingDouble(TotalCell::total))
                .toList();
        long s = 0;
        double sum = 0, sumSquares = 0;
        for (TotalCell c : sorted) {
            s += c.learners();
            sum += c.learners() * c.total();
            sumSquares += c.learners() * c.total() * c.total();
        }
        if (s == 0) {
            return new TotalSums(0, 0, 0, 0, 0, 0, 0, 0);
        }
        double mean = sum / s;
        double dev2 = 0, dev3 = 0, dev4 = 0;
        for (TotalCell c : sorted) {
            double d = c.total() - mean;
            dev2 += c.learners() * d * d;
            dev3 += c.learners() * d * d * d;
            dev4 += c.learners() * d * d * d * d;
        }
        double median = (valueAt(sorted, (s + 1) / 2) + valueAt(sorted, s / 2 + 1)) / 2;
        return new TotalSums(s, sum, sumSquares, mean, median, dev2, dev3, dev4);
    }

    /** The value at a 1-based position of the sorted totals. */
    private static double valueAt(List<TotalCell> sorted, long position) {
        long seen = 0;
        for (TotalCell c : sorted) {
            seen += c.learners();
            if (seen >= position) {
                return c.total();
            }
        }
        throw new IllegalArgumentException("position " + position + " beyond " + seen);
    }

    /** n, Σx, Σx² and Σx·X per question, from how many learners share each (x, X). */
    static Map<Long, QuestionSums> questionSums(List<MarkCell> cells, Map<Long, Double> medianTimes) {
        Map<Long, double[]> sums = new HashMap<>();
        for (MarkCell c : cells) {
            double[] q = sums.computeIfAbsent(c.questionId(), id -> new double[4]);
            q[0] += c.learners();
            q[1] += c.learners() * c.mark();
            q[2] += c.learners() * c.mark() * c.mark();
            q[3] += c.learners() * c.mark() * c.total();
        }
        Map<Long, QuestionSums> result = new HashMap<>();
        sums.forEach(
                (id, q) -> result.put(id, new QuestionSums(id, (long) q[0], q[1], q[2], q[3], medianTimes.get(id))));
        return result;
    }

    /**
     * The top and bottom groups for the distractor analysis: with t = ⌊s/3⌋, the learners whose total is at least
     * that of the t-th highest, and those whose total is at most that of the t-th lowest (ties at the cut included,
     * so a group may exceed a third).
     */
    record Thirds(Double topFrom, long topSize, Double bottomTo, long bottomSize) {
        static Thirds of(List<TotalCell> cells, long third) {
            if (third == 0) {
                return new Thirds(null, 0, null, 0);
            }
            List<TotalCell> ascending = cells.stream()
                    .sorted(java.util.Comparator.comparingDouble(TotalCell::total))
                    .toList();
            long s = ascending.stream().mapToLong(TotalCell::learners).sum();
            double bottomTo = valueAt(ascending, third);
            double topFrom = valueAt(ascending, s - third + 1);
            long top = ascending.stream()
                    .filter(c -> c.total() >= topFrom)
                    .mapToLong(TotalCell::learners)
                    .sum();
            long bottom = ascending.stream()
                    .filter(c -> c.total() <= bottomTo)
                    .mapToLong(TotalCell::learners)
                    .sum();
            return new Thirds(topFrom, top, bottomTo, bottom);
        }
    }

    /**
     * Per question, Σ x₍ₖ₎·r₍ₖ₎ with x and r = X − x each sorted on its own over all learners (a learner who did not
     * answer has x = 0, r = X), built from how many learners share each (x, X) and each X: the largest Σ x·r those
     * marks allow, for the discriminative efficiency.
     */
    static Map<Long, Double> sortedProducts(List<MarkCell> cells, List<TotalCell> totals) {
        Map<Long, List<MarkCell>> byQuestion = cells.stream().collect(Collectors.groupingBy(MarkCell::questionId));
        Map<Long, Double> result = new HashMap<>();
        byQuestion.forEach((question, own) -> {
            TreeMap<Double, Long> marks = new TreeMap<>();
            TreeMap<Double, Long> rests = new TreeMap<>();
            Map<Long, Long> answeredByTotal = new HashMap<>();
            for (MarkCell cell : own) {
                marks.merge(cell.mark(), cell.learners(), Long::sum);
                rests.merge(cell.total() - cell.mark(), cell.learners(), Long::sum);
                answeredByTotal.merge(key(cell.total()), cell.learners(), Long::sum);
            }
            for (TotalCell total : totals) {
                long unanswered = total.learners() - answeredByTotal.getOrDefault(key(total.total()), 0L);
                if (unanswered > 0) {
                    marks.merge(0.0, unanswered, Long::sum);
                    rests.merge(total.total(), unanswered, Long::sum);
                }
            }
            result.put(question, ItemStatistics.sortedProduct(marks, rests));
        });
        return result;
    }

    /** Totals as map keys: a sum added up in another order may differ in its last bits. */
    private static long key(double total) {
        return Math.round(total * 1e6);
    }

    /** Each option's count, and its count in the top and bottom groups, from the counts of each set given. */
    static Map<Long, OptionCounts> optionCounts(List<MarkCell> cells, Thirds thirds) {
        Map<Long, OptionCounts> counts = new HashMap<>();
        for (MarkCell cell : cells) {
            if (cell.optionIds() == null) {
                continue;
            }
            // Totals summed in another order may differ in their last bits from the cut's.
            long top = thirds.topFrom() != null && cell.total() >= thirds.topFrom() - 1e-9 ? cell.learners() : 0;
            long bottom = thirds.bottomTo() != null && cell.total() <= thirds.bottomTo() + 1e-9 ? cell.learners() : 0;
            for (String id : cell.optionIds().split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                long optionId = Long.parseLong(id.strip());
                counts.merge(
                        optionId,
                        new OptionCounts(optionId, cell.learners(), top, bottom),
                        (x, y) -> new OptionCounts(
                                optionId, x.chosen() + y.chosen(), x.top() + y.top(), x.bottom() + y.bottom()));
            }
        }
        return counts;
    }
}
