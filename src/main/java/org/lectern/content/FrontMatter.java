package org.lectern.content;

import java.nio.file.Path;

/** A Markdown file that starts with YAML front matter between two {@code ---} lines. */
record FrontMatter(YamlFields fields, String body, int bodyLine) {

    static FrontMatter parse(Path file, String text) {
        String normalized = text.replace("\r\n", "\n");
        if (normalized.startsWith("\uFEFF")) {
            normalized = normalized.substring(1);
        }
        if (!normalized.startsWith("---\n")) {
            throw new ContentException(file, 1, "must start with YAML front matter between two '---' lines");
        }
        int end = normalized.indexOf("\n---\n", 3);
        boolean atEof = false;
        if (end < 0 && normalized.endsWith("\n---")) {
            end = normalized.length() - 4;
            atEof = true;
        }
        if (end < 0) {
            throw new ContentException(file, 1, "the front matter has no closing '---' line");
        }
        String yaml = normalized.substring(4, end + 1);
        String body = atEof ? "" : normalized.substring(end + 5);
        int closingLine = (int) normalized
                        .substring(0, end + 1)
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
        int leadingBlank = (int) body.lines().takeWhile(String::isBlank).count();
        // The YAML starts on line 2 of the file; the body right after the closing line and any blank lines.
        return new FrontMatter(YamlFields.parse(file, yaml, 1), body.strip() + "\n", closingLine + 1 + leadingBlank);
    }
}
