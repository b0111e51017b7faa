package org.lectern.analytics;

import java.util.ArrayList;
import java.util.List;

/** The completion funnel of a course: per chapter in order, who reached and who completed it, and who dropped off. */
record Funnel(List<Step> steps) {

    /** @param dropOff how many fewer learners reached this chapter than the one before (0 for the first) */
    record Step(String number, String title, long chapterId, long reached, long completed, long dropOff) {
        public double completionRate() {
            return reached == 0 ? 0 : 100.0 * completed / reached;
        }
    }

    static Funnel of(
            List<EngagementRepository.ChapterRow> chapters,
            java.util.Map<Long, EngagementRepository.FunnelCounts> counts) {
        List<Step> steps = new ArrayList<>();
        long previous = -1;
        int n = 0;
        for (var chapter : chapters) {
            var c = counts.getOrDefault(chapter.id(), new EngagementRepository.FunnelCounts(0, 0));
            long drop = previous < 0 ? 0 : Math.max(0, previous - c.reached());
            steps.add(new Step(Integer.toString(++n), chapter.title(), chapter.id(), c.reached(), c.completed(), drop));
            previous = c.reached();
        }
        return new Funnel(steps);
    }
}
