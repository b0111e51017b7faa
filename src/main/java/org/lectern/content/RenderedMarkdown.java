package org.lectern.content;

import java.util.List;

/** Sanitized HTML of a Markdown text, with what a page shows around it. */
public record RenderedMarkdown(String html, List<TocEntry> toc, int wordCount, int runnableBlocks) {

    /** A heading of the table of contents; level 2 or 3. */
    public record TocEntry(int level, String id, String text) {}

    /** Reading time at 200 words a minute, never less than one minute. */
    public int readingMinutes() {
        return Math.max(1, (int) Math.ceil(wordCount / 200.0));
    }
}
