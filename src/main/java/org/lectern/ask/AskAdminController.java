package org.lectern.ask;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.web.Renderer;

/**
 * {@code /admin/ask}: whether a language model is configured (never its key), the limits, the model's use per day,
 * and per chapter the questions learners ask most, so authors see where the text leaves them stuck.
 */
final class AskAdminController {
    static final int QUESTIONS_PER_CHAPTER = 10;
    static final int USAGE_DAYS = 14;

    private final AskConfig config;
    private final AskRepository repository;
    private final CourseIndex index;
    private final Catalog catalog;
    private final Renderer renderer;
    private final Clock clock;

    AskAdminController(
            AskConfig config,
            AskRepository repository,
            CourseIndex index,
            Catalog catalog,
            Renderer renderer,
            Clock clock) {
        this.config = config;
        this.repository = repository;
        this.index = index;
        this.catalog = catalog;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** A chapter with its most asked questions. */
    record ChapterQuestions(String course, String chapter, String href, List<AskRepository.AskedQuestion> questions) {}

    void show(Context ctx) {
        Map<String, Object> model = new HashMap<>();
        AskConfig.Llm llm = config.llm();
        model.put("generationOn", llm != null);
        model.put("llmModel", llm == null ? "" : llm.model());
        model.put("llmHost", llm == null ? "" : llm.url().getHost());
        model.put("keySet", llm != null && !llm.apiKey().isEmpty());
        model.put("llm", llm == null ? null : new Limits(llm));
        model.put("perMinute", config.questionsPerMinute());
        model.put("passages", index.size());
        model.put("usage", repository.usageSince(LocalDate.now(clock).minusDays(USAGE_DAYS - 1)));
        model.put("chapters", chapters());
        ctx.header("Cache-Control", "private, no-store");
        renderer.html(ctx, "ask/admin", model);
    }

    /** The guardrails as the page shows them. */
    record Limits(long timeoutSeconds, long answerSeconds, int maxTokens, int dailyTokens, int concurrency) {
        Limits(AskConfig.Llm llm) {
            this(
                    llm.firstTokenTimeout().toSeconds(),
                    llm.answerTimeout().toSeconds(),
                    llm.maxAnswerTokens(),
                    llm.dailyTokens(),
                    llm.concurrency());
        }
    }

    /** In course order; chapters that left the content are not shown. */
    private List<ChapterQuestions> chapters() {
        Map<Long, List<AskRepository.AskedQuestion>> asked = new LinkedHashMap<>();
        for (AskRepository.AskedQuestion q : repository.mostAsked(QUESTIONS_PER_CHAPTER)) {
            asked.computeIfAbsent(q.chapterId(), id -> new ArrayList<>()).add(q);
        }
        List<ChapterQuestions> chapters = new ArrayList<>();
        for (CourseOutline course : catalog.all()) {
            for (CourseOutline.Located at : course.chapters()) {
                List<AskRepository.AskedQuestion> questions =
                        asked.get(at.chapter().id());
                if (questions != null) {
                    chapters.add(new ChapterQuestions(
                            course.title(), at.chapter().title(), at.path(course.slug()), questions));
                }
            }
        }
        return chapters;
    }
}
