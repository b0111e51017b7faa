package org.lectern.studio;

import java.util.ArrayList;
import java.util.List;

/**
 * Changes one top-level key of a Markdown file's YAML front matter line by line, so the rest of the file (comments,
 * order, the body) stays exactly as the author wrote it.
 */
final class FrontMatterLines {
    private FrontMatterLines() {}

    /**
     * @param yamlValue the value as YAML (already quoted where needed), or null to remove the key
     * @throws InvalidCourse when the file has no front matter to change
     */
    static String set(String text, String key, String yamlValue) {
        List<String> lines = new ArrayList<>(text.replace("\r\n", "\n").lines().toList());
        if (lines.isEmpty() || !lines.get(0).equals("---")) {
            throw new InvalidCourse("studio.structure.noFrontMatter");
        }
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        if (end == 0) {
            throw new InvalidCourse("studio.structure.noFrontMatter");
        }
        int at = -1;
        for (int i = 1; i < end; i++) {
            if (lines.get(i).startsWith(key + ":")) {
                at = i;
            }
        }
        String line = key + ": " + yamlValue;
        if (at >= 0 && yamlValue == null) {
            lines.remove(at);
        } else if (at >= 0) {
            lines.set(at, line);
        } else if (yamlValue != null) {
            lines.add(end, line);
        }
        return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
    }
}
