package org.lectern.analytics;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;

/** Builds a quiz's item analysis: a few aggregate queries, then the formulas over their sums. */
public final class ItemAnalysis {
    private final ItemAnalysisRepository repository;

    public ItemAnalysis(DSLContext dsl) {
        this.repository = new ItemAnalysisRepository(dsl);
    }

    public ItemReport report(Scope scope, ReportFilter filter) {
        var questions = repository.questions(scope);
        var options = repository.options(scope);
        var totals = repository.totals(scope, filter);
        long s = totals.learners();
        Map<Long, ItemAnalysisRepository.QuestionSums> sums = repository.questionSums(scope, filter).stream()
                .collect(Collectors.toMap(ItemAnalysisRepository.QuestionSums::questionId, Function.identity()));
        Map<Long, Double> sorted = s > 1 ? repository.sortedProductSums(scope, filter) : Map.of();
        long third = s / 3;
        Map<Long, ItemAnalysisRepository.OptionCounts> counts = s == 0
                ? Map.of()
                : repository.optionCounts(scope, filter, s, third).stream()
                        .collect(Collectors.toMap(ItemAnalysisRepository.OptionCounts::optionId, Function.identity()));
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
}
