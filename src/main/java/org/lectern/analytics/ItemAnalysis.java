package org.lectern.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.lectern.analytics.ItemAnalysisRepository.ChoiceCounts;
import org.lectern.analytics.ItemAnalysisRepository.MarkCell;
import org.lectern.analytics.ItemAnalysisRepository.OptionCounts;
import org.lectern.analytics.ItemAnalysisRepository.QuestionSums;
import org.lectern.analytics.ItemAnalysisRepository.RankedLearner;
import org.lectern.analytics.ItemAnalysisRepository.TotalCell;

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
        var totals = repository.totals(ids, filter);
        long s = totals.learners();
        Map<Long, QuestionSums> sums = repository.questionSums(ids, filter).stream()
                .collect(Collectors.toMap(QuestionSums::questionId, Function.identity()));
        Map<Long, Double> sorted = s > 1
                ? sortedProducts(repository.markHistogram(ids, filter), repository.totalHistogram(ids, filter))
                : Map.of();
        long third = s / 3;
        Map<Long, OptionCounts> counts = third == 0 && s == 0 ? Map.of() : optionCounts(ids, filter, s, third);
        List<ItemReport.QuestionStats> stats =
                ItemStatistics.questions(questions, sums, sorted, options, counts, totals, third);
        double sumOfVariances = questions.stream()
                .mapToDouble(q -> sums.containsKey(q.id()) ? ItemStatistics.markVariance(sums.get(q.id()), s) : 0)
                .sum();
        double maxMarks = questions.stream()
                .mapToDouble(ItemAnalysisRepository.QuestionRow::points)
                .sum();
        return new ItemReport(ItemStatistics.summary(totals, questions.size(), maxMarks, sumOfVariances), stats);
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

    /**
     * Each option's count, and its count in the top and bottom third, from the counts of each set of options given.
     * The thirds are cut at ranks (highest total first, ties by account id): the top third is ranks 1…third, the
     * bottom third ranks s − third + 1…s.
     */
    private Map<Long, OptionCounts> optionCounts(List<Long> ids, ReportFilter filter, long s, long third) {
        RankedLearner lastTop = null, aboveBottom = null;
        if (third > 0) {
            List<RankedLearner> cuts = repository.learnersAt(ids, filter, third, s - third);
            for (RankedLearner cut : cuts) {
                if (cut.rank() == third) {
                    lastTop = cut;
                }
                if (cut.rank() == s - third) {
                    aboveBottom = cut;
                }
            }
        }
        Map<Long, OptionCounts> counts = new HashMap<>();
        for (ChoiceCounts choice : repository.choiceCounts(ids, filter, lastTop, aboveBottom)) {
            for (String id : choice.optionIds().split(",")) {
                if (id.isBlank()) {
                    continue;
                }
                long optionId = Long.parseLong(id.strip());
                counts.merge(
                        optionId,
                        new OptionCounts(optionId, choice.chosen(), choice.top(), choice.bottom()),
                        (x, y) -> new OptionCounts(
                                optionId, x.chosen() + y.chosen(), x.top() + y.top(), x.bottom() + y.bottom()));
            }
        }
        return counts;
    }
}
