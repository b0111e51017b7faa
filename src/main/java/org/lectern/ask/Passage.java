package org.lectern.ask;

/**
 * One findable piece of a published chapter: a paragraph (or list, quote, table), a code block, or a quiz question
 * with its explanations, with the place on the chapter page it links to.
 *
 * @param anchor the heading's id on the chapter page ({@code q-<id>} for a quiz question); empty for the top
 * @param free whether guests may read the chapter, and so see the passage
 */
record Passage(
        long chapterId,
        String courseSlug,
        String chapterPath,
        String chapterTitle,
        String anchor,
        String heading,
        Kind kind,
        String text,
        boolean free) {

    enum Kind {
        TEXT,
        CODE,
        QUIZ
    }

    String href() {
        return anchor.isEmpty() ? chapterPath : chapterPath + "#" + anchor;
    }
}
