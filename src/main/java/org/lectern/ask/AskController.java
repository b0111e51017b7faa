package org.lectern.ask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;
import org.lectern.content.Catalog;
import org.lectern.content.ChapterAt;
import org.lectern.content.CourseOutline;
import org.lectern.web.Locales;
import org.lectern.web.Renderer;

/**
 * {@code POST /api/ask}, the chapter panel's question, answered as server-sent events; and {@code GET /search}, the
 * site-wide search page. Both read the same index.
 */
final class AskController {
    static final int MAX_QUESTION = 1_000;
    static final int MAX_RUN_PART = 64 * 1024;
    static final int MAX_QUERY = 200;
    private static final int SEARCH_RESULTS = 20;

    private final AskService service;
    private final Catalog catalog;
    private final Renderer renderer;
    private final ObjectMapper json;
    private final Function<Context, AskService.Asker> askers;

    AskController(
            AskService service,
            Catalog catalog,
            Renderer renderer,
            ObjectMapper json,
            Function<Context, AskService.Asker> askers) {
        this.service = service;
        this.catalog = catalog;
        this.renderer = renderer;
        this.json = json;
        this.askers = askers;
    }

    void ask(Context ctx) {
        if (!ctx.isJson()) {
            throw new BadRequestResponse("Send the question as JSON (Content-Type: application/json).");
        }
        JsonNode body = parse(ctx.body());
        ChapterAt chapter = chapterOf(body);
        Prompt.Request request = requestOf(body);
        AskService.Asker asker = askers.apply(ctx);
        OptionalLong wait = service.takeQuota(asker);
        if (wait.isPresent()) {
            ctx.header("Retry-After", Long.toString(wait.getAsLong()));
            throw new HttpResponseException(429, message(ctx, "ask.error.tooMany", wait.getAsLong()));
        }
        EventStream events = EventStream.open(ctx, json);
        try {
            service.answer(asker, chapter, request, new Events(events, ctx));
        } catch (EventStream.Gone stopped) {
            // the learner pressed Stop or closed the page; nothing left to send
        }
    }

    void search(Context ctx) {
        String query = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("searchQuery", query);
        model.put("results", query.isEmpty() ? List.of() : results(ctx, query));
        // results depend on the query and on who asks: never the shared guest cache
        ctx.header("Cache-Control", "private, no-store");
        renderer.html(ctx, "ask/search", model);
    }

    /** One search result as the page shows it. */
    record Result(String chapter, String heading, String href, String html, String kind) {}

    private List<Result> results(Context ctx, String query) {
        return service.search(query, askers.apply(ctx).signedIn(), SEARCH_RESULTS).stream()
                .map(h -> new Result(
                        h.passage().chapterTitle(),
                        h.passage().heading(),
                        h.passage().href(),
                        h.html(),
                        h.passage().kind().name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    private JsonNode parse(String body) {
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new BadRequestResponse("The body must be a JSON object.");
            }
            return node;
        } catch (IOException e) {
            throw new BadRequestResponse("The body is not valid JSON.");
        }
    }

    private ChapterAt chapterOf(JsonNode body) {
        CourseOutline course = catalog.outline(body.path("course").asText("")).orElseThrow(NotFoundResponse::new);
        CourseOutline.Located at = course.find(
                        body.path("section").asText(""), body.path("chapter").asText(""))
                .orElseThrow(NotFoundResponse::new);
        return new ChapterAt(course, at);
    }

    private static Prompt.Request requestOf(JsonNode body) {
        JsonNode run = body.path("run");
        if (run.isObject()) {
            String code = text(run, "code", MAX_RUN_PART);
            String error = text(run, "error", MAX_RUN_PART);
            if (code.isBlank()
                    || error.isBlank() && text(run, "stackDump", MAX_RUN_PART).isBlank()) {
                throw new BadRequestResponse("An error to explain needs the code and its error output.");
            }
            return new Prompt.Request("", new Prompt.Run(code, error, text(run, "stackDump", MAX_RUN_PART)));
        }
        String question = text(body, "question", MAX_QUESTION).strip();
        if (question.isEmpty()) {
            throw new BadRequestResponse("Ask a question.");
        }
        return new Prompt.Request(question, null);
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node.path(field);
        if (!value.isMissingNode() && !value.isNull() && !value.isTextual()) {
            throw new BadRequestResponse("'" + field + "' must be text.");
        }
        String text = value.asText("");
        if (text.length() > max) {
            throw new BadRequestResponse("'" + field + "' is longer than " + max + " characters.");
        }
        return text;
    }

    private String message(Context ctx, String key, Object... args) {
        return renderer.messages().get(Locales.of(ctx), key, args);
    }

    /** Sends the answer to the panel as events: passages, token …, notice, done. */
    private final class Events implements AnswerSink {
        private final EventStream events;
        private final Context ctx;

        Events(EventStream events, Context ctx) {
            this.events = events;
            this.ctx = ctx;
        }

        @Override
        public void passages(List<CourseIndex.Hit> hits, Generation generation) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (int i = 0; i < hits.size(); i++) {
                Passage p = hits.get(i).passage();
                list.add(Map.of(
                        "n", i + 1,
                        "chapter", p.chapterTitle(),
                        "heading", p.heading(),
                        "href", p.href(),
                        "kind", p.kind().name().toLowerCase(Locale.ROOT),
                        "html", hits.get(i).html()));
            }
            events.send("passages", Map.of("generation", generation.name().toLowerCase(Locale.ROOT), "passages", list));
        }

        @Override
        public void token(String text) {
            events.send("token", Map.of("text", text));
        }

        @Override
        public void notice(Notice notice) {
            events.send(
                    "notice",
                    Map.of("kind", notice.name().toLowerCase(Locale.ROOT), "message", message(ctx, notice.messageKey)));
        }

        @Override
        public void done() {
            events.send("done", Map.of());
        }
    }
}
