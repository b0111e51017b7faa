package org.lectern.analytics;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.lectern.content.CourseOutline;

/** The reports behind the screens and their CSV files, each from a few aggregate queries. */
final class Reports {
    static final int COMMENTS_SHOWN = 200;
    static final int TOP_LIST = 10;
    private final ItemAnalysis items;
    private final EngagementRepository engagement;
    private final RunAnalyticsRepository runs;

    Reports(DSLContext dsl) {
        this.items = new ItemAnalysis(dsl);
        this.engagement = new EngagementRepository(dsl);
        this.runs = new RunAnalyticsRepository(dsl);
    }

    ItemReport items(Scope scope, ReportFilter filter) {
        return items.report(scope, filter);
    }

    /** A chapter of the course with its funnel and feedback figures, for the overview. */
    record ChapterFigures(
            Funnel.Step step,
            String quiz,
            String feedbackKey,
            int questions,
            EngagementRepository.FeedbackCounts feedback) {
        public Double clarity() {
            long answers = feedback.yes() + feedback.no();
            return answers == 0 ? null : 100.0 * feedback.yes() / answers;
        }
    }

    record Overview(Funnel funnel, List<ChapterFigures> chapters, RunAnalyticsRepository.WallTimes wallTimes) {}

    Overview overview(CourseOutline course, ReportFilter filter) {
        var chapters = engagement.chapters(course.id());
        Funnel funnel = Funnel.of(chapters, engagement.funnel(course.id(), filter));
        Map<Long, EngagementRepository.FeedbackCounts> feedback = engagement.feedback(course.id(), filter);
        var figures = new java.util.ArrayList<ChapterFigures>();
        for (int i = 0; i < chapters.size(); i++) {
            var chapter = chapters.get(i);
            String key = chapter.sectionSlug() + "/" + chapter.slug();
            figures.add(new ChapterFigures(
                    funnel.steps().get(i),
                    key,
                    key,
                    chapter.questions(),
                    feedback.getOrDefault(chapter.id(), new EngagementRepository.FeedbackCounts(0, 0, 0))));
        }
        return new Overview(funnel, figures, runs.wallTimes(course.slug(), filter));
    }

    record FeedbackReport(List<EngagementRepository.Comment> comments, List<EngagementRepository.WeekCounts> weeks) {}

    FeedbackReport feedback(
            CourseOutline course, Optional<CourseOutline.Located> chapter, String search, ReportFilter filter) {
        Long chapterId = chapter.map(c -> c.chapter().id()).orElse(null);
        return new FeedbackReport(
                engagement.comments(course.id(), chapterId, search, filter, COMMENTS_SHOWN),
                engagement.weeks(course.id(), chapterId, filter));
    }

    record RunReport(
            List<RunAnalyticsRepository.StatusCount> statuses,
            RunAnalyticsRepository.WallTimes wallTimes,
            List<RunAnalyticsRepository.Snippet> snippets,
            List<RunAnalyticsRepository.ChallengeRate> challenges) {}

    RunReport runs(CourseOutline course, ReportFilter filter) {
        return new RunReport(
                runs.statuses(course.slug(), filter),
                runs.wallTimes(course.slug(), filter),
                runs.failingSnippets(course.slug(), filter, TOP_LIST),
                runs.hardestChallenges(course.id(), filter, TOP_LIST));
    }
}
