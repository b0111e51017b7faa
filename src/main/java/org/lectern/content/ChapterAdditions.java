package org.lectern.content;

import io.javalin.http.Context;
import java.util.Map;

/** What other features add to a chapter page (its quiz, the learner's progress, feedback), as model variables. */
@FunctionalInterface
public interface ChapterAdditions {
    ChapterAdditions NONE = (ctx, course, at, model) -> {};

    void addTo(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model);
}
