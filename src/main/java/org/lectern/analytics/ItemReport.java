package org.lectern.analytics;

import java.util.List;

/**
 * A quiz's item analysis, as Moodle's statistics report defines it: the quiz as a whole, then each question with its
 * options. Percentages are 0–100; a statistic that cannot be computed (too few learners, no spread) is null.
 */
public record ItemReport(Summary summary, List<QuestionStats> questions) {

    /** The distribution of the learners' totals X, and Cronbach's alpha (as a percentage, as Moodle shows it). */
    public record Summary(
            long learners,
            int questions,
            double maxMarks,
            Double mean,
            Double median,
            Double standardDeviation,
            Double skewness,
            Double kurtosis,
            Double alpha,
            Double errorRatio,
            Double standardError) {}

    /** One question's statistics, the reasons it needs checking (message keys), and its options. */
    public record QuestionStats(
            long id,
            int number,
            String chapterTitle,
            String key,
            String kind,
            String prompt,
            int points,
            long answered,
            Double facility,
            Double standardDeviation,
            Double randomGuess,
            Double discrimination,
            Double discriminativeEfficiency,
            double intendedWeight,
            Double effectiveWeight,
            Double medianTimeSeconds,
            List<String> flags,
            List<OptionStats> options) {
        public boolean needsChecking() {
            return !flags.isEmpty();
        }
    }

    /**
     * One option: how many chose it, its share of those who answered, and its share of the top and of the bottom
     * third. A wrong option chosen by more of the top third than of the bottom third is flagged.
     */
    public record OptionStats(
            String key,
            String body,
            boolean correct,
            long chosen,
            double share,
            double topShare,
            double bottomShare,
            boolean flagged) {}
}
