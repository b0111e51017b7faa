package org.lectern.ask;

import java.util.ArrayList;
import java.util.List;
import org.lectern.content.CourseOutline;

/**
 * What the language model is given: a system prompt that keeps it on the course and makes it cite, the chapter the
 * learner is reading, the passages retrieval found (numbered, so the answer can cite [1], [2] …), and the question
 * or the failed run to explain. Long texts are cut, so one request stays within a small model's context.
 */
final class Prompt {
    static final int MAX_CHAPTER_CHARS = 8_000;
    static final int MAX_PASSAGE_CHARS = 1_200;
    static final int MAX_RUN_CHARS = 6_000;

    private Prompt() {}

    /** A learner's question or a failed run, as the panel sent it. */
    record Request(String question, Run run) {}

    /** A run that failed: the code, its error output, and the stack dump of a timeout (may be empty). */
    record Run(String code, String error, String stackDump) {}

    static List<ChatClient.Message> messages(
            CourseOutline course,
            CourseOutline.Located at,
            String chapterMarkdown,
            List<CourseIndex.Hit> hits,
            Request request) {
        List<ChatClient.Message> messages = new ArrayList<>();
        messages.add(new ChatClient.Message("system", system(course)));
        StringBuilder user = new StringBuilder();
        user.append("The learner is reading the chapter \"")
                .append(at.chapter().title())
                .append("\" (")
                .append(at.path(course.slug()))
                .append("). Its text:\n<chapter>\n")
                .append(cut(chapterMarkdown, MAX_CHAPTER_CHARS))
                .append("\n</chapter>\n\nCourse passages that may help:\n");
        for (int i = 0; i < hits.size(); i++) {
            Passage p = hits.get(i).passage();
            user.append('[')
                    .append(i + 1)
                    .append("] ")
                    .append(p.chapterTitle())
                    .append(" › ")
                    .append(p.heading())
                    .append(" (")
                    .append(p.href())
                    .append(")\n")
                    .append(cut(p.text(), MAX_PASSAGE_CHARS))
                    .append("\n\n");
        }
        if (request.run() == null) {
            user.append("The learner's question:\n").append(request.question());
        } else {
            Run run = request.run();
            user.append("The learner's program failed. Explain the error in plain words and how to fix it.\n")
                    .append("The code:\n```python\n")
                    .append(cut(run.code(), MAX_RUN_CHARS))
                    .append("\n```\nIts error output:\n```\n")
                    .append(cut(run.error(), MAX_RUN_CHARS))
                    .append("\n```\n");
            if (!run.stackDump().isBlank()) {
                user.append("It ran out of time; the stack of every thread at that moment:\n```\n")
                        .append(cut(run.stackDump(), MAX_RUN_CHARS))
                        .append("\n```\n");
            }
        }
        messages.add(new ChatClient.Message("user", user.toString()));
        return messages;
    }

    private static String system(CourseOutline course) {
        return "You are the teaching assistant of the course \"" + course.title() + "\""
                + (course.summary().isBlank() ? "" : " (" + course.summary().strip() + ")")
                + ". Help learners understand this course's topic and the Python code that goes with it. "
                + "If a question is about something else, say in one sentence that you can only help with this "
                + "course, and suggest a question about it. Base your answer on the chapter and the numbered course "
                + "passages you are given; cite a passage by its number in square brackets, such as [1], right "
                + "after what it supports, and do not invent passages. If they do not cover the question, say so. "
                + "Be brief and concrete, show short Python examples in Markdown code fences when they help, and "
                + "answer in the language of the learner's question.";
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "\n[…]";
    }
}
