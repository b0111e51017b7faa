package org.lectern.ask;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.util.Map;
import org.jooq.DSLContext;
import org.lectern.accounts.CurrentUser;
import org.lectern.content.Catalog;
import org.lectern.content.CourseOutline;
import org.lectern.content.PageAdditions;
import org.lectern.web.Access;
import org.lectern.web.Renderer;

/**
 * "Ask", wired: the course's search index, the chapter panel's answers (passages, and a language model's when one is
 * configured), the site-wide search page and the admin screen. Rebuild the index with {@link #rebuildIndex()} after
 * content changes ({@code ContentLoader.whenPublished}).
 */
public final class AskModule implements PageAdditions {
    private final AskConfig config;
    private final CourseIndex index;
    private final AskRepository repository;
    private final AskService service;
    private final Catalog catalog;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();

    public AskModule(AskConfig config, DSLContext dsl, Catalog catalog, CurrentUser currentUser, Clock clock) {
        this.config = config;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.clock = clock;
        PassageRepository passages = new PassageRepository(dsl, catalog);
        this.index = new CourseIndex(passages::all);
        this.repository = new AskRepository(dsl);
        ChatClient chat = config.generationOn() ? new ChatClient(config.llm(), json) : null;
        this.service = new AskService(
                index,
                passages,
                repository,
                new AskQuota(config.questionsPerMinute(), System::nanoTime),
                chat,
                config.llm(),
                clock);
        index.rebuild();
    }

    /** Re-reads every published chapter into a fresh index; the content loader calls it after each change. */
    public void rebuildIndex() {
        index.rebuild();
    }

    public void addRoutes(JavalinConfig web, Renderer renderer) {
        AskController ask = new AskController(service, catalog, renderer, json, this::asker);
        AskAdminController admin = new AskAdminController(config, repository, index, catalog, renderer, clock);
        web.routes.post("/api/ask", ask::ask, Access.ANYONE);
        web.routes.get("/search", ask::search, Access.ANYONE);
        web.routes.get("/admin/ask", admin::show, Access.ADMIN);
    }

    /** The panel is the same for every reader of a chapter, so guests' chapter pages stay shared and cached. */
    @Override
    public void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
        model.put("askGeneration", config.generationOn());
    }

    private AskService.Asker asker(Context ctx) {
        return currentUser
                .userId(ctx)
                .map(id -> new AskService.Asker(id, "learner:" + id))
                .orElseGet(() -> new AskService.Asker(null, "guest:" + ctx.ip()));
    }
}
