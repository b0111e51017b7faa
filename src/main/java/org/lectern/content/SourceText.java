package org.lectern.content;

import java.nio.file.Path;

/** A Markdown source file's title, body and free flag, read without importing it (for the studio's outline and preview). */
public record SourceText(String title, String body, Boolean free) {
    /** @throws ContentException when the front matter is missing or malformed */
    public static SourceText parse(String path, String text) {
        FrontMatter parsed = FrontMatter.parse(Path.of(path), text);
        return new SourceText(
                parsed.fields().string("title", ""),
                parsed.body(),
                parsed.fields().bool("free", null));
    }
}
