package org.lectern.studio;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lectern.content.CourseFiles;
import org.lectern.web.Csrf;
import org.lectern.web.ErrorPages;

/**
 * A structural change refused because the course's structure changed since the author's page showed it: the page
 * (409) shows what they tried, the outline as others left it, and what redoing the change on it would give, with a
 * button that redoes it; a script gets the same as JSON.
 */
final class StructureConflicts {
    private final StudioController studio;

    StructureConflicts(StudioController studio) {
        this.studio = studio;
    }

    /** One field of the request, sent again by the redo button. */
    record Field(String name, String value) {}

    /**
     * @param now the working copy as it is now
     */
    void show(
            Context ctx,
            StructureController.At now,
            StructureController.Change change,
            StructureController.Tried tried) {
        String message = studio.text(ctx, "studio.structure.conflict");
        StudioOutline after = null;
        String redoRefused = null;
        try {
            after = StudioOutline.of(applied(now.files(), change.of(now)));
        } catch (InvalidCourse invalid) {
            redoRefused = studio.text(ctx, invalid.messageKey());
        } catch (NotFoundResponse gone) {
            redoRefused = studio.text(ctx, "studio.structure.gone");
        }
        List<Field> fields = new ArrayList<>();
        ctx.formParamMap().forEach((name, values) -> {
            if (!name.equals(Csrf.FIELD) && !name.equals("layout")) {
                values.forEach(value -> fields.add(new Field(name, value)));
            }
        });
        if (ErrorPages.wantsJson(ctx)) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("error", message);
            json.put("change", tried.of(now));
            json.put("outline", outline(now.outline()));
            json.put("layout", now.outline().layoutSha());
            json.put("redo", redoRefused == null);
            if (redoRefused != null) {
                json.put("redoRefused", redoRefused);
            }
            ctx.status(409).json(json);
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("slug", now.slug());
        model.put("error", message);
        model.put("tried", tried.of(now));
        model.put("outline", now.outline());
        model.put("after", after);
        model.put("redoRefused", redoRefused);
        model.put("action", ctx.path());
        model.put("fields", fields);
        model.put("layout", now.outline().layoutSha());
        studio.page(ctx, 409, "studio/structure-conflict", model);
    }

    private static CourseFiles applied(CourseFiles files, Map<String, byte[]> change) {
        CourseFiles result = files;
        for (var file : change.entrySet()) {
            result = file.getValue() == null
                    ? result.without(file.getKey())
                    : result.with(file.getKey(), file.getValue());
        }
        return result;
    }

    /** The outline for a script: sections with their slugs, titles and chapters, in order. */
    private static List<Map<String, Object>> outline(StudioOutline outline) {
        List<Map<String, Object>> sections = new ArrayList<>();
        for (StudioOutline.Section section : outline.sections()) {
            List<Map<String, String>> chapters = new ArrayList<>();
            section.chapters().forEach(c -> chapters.add(Map.of("slug", c.slug(), "title", c.title())));
            sections.add(Map.of("slug", section.slug(), "title", section.title(), "chapters", chapters));
        }
        return sections;
    }
}
