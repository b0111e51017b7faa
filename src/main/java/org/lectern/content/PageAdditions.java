package org.lectern.content;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/**
 * What other features add to the reading pages (a chapter's quiz and feedback, a learner's progress), as model
 * variables. For guests they must add the same for everyone: guest pages are cached and shared.
 */
public interface PageAdditions {
    default void catalog(Context ctx, List<CourseOutline> courses, Map<String, Object> model) {}

    default void course(Context ctx, CourseOutline course, Map<String, Object> model) {}

    default void chapter(Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {}

    /** These additions one after the other. */
    static PageAdditions all(List<PageAdditions> parts) {
        return new PageAdditions() {
            @Override
            public void catalog(Context ctx, List<CourseOutline> courses, Map<String, Object> model) {
                parts.forEach(p -> p.catalog(ctx, courses, model));
            }

            @Override
            public void course(Context ctx, CourseOutline course, Map<String, Object> model) {
                parts.forEach(p -> p.course(ctx, course, model));
            }

            @Override
            public void chapter(
                    Context ctx, CourseOutline course, CourseOutline.Located at, Map<String, Object> model) {
                parts.forEach(p -> p.chapter(ctx, course, at, model));
            }
        };
    }
}
