package org.lectern.studio;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;

/** A unified diff of two versions of a text file, line by line, for the revision pages. */
final class TextDiff {
    private static final int CONTEXT = 3;

    private TextDiff() {}

    /** One line of a diff, as the page styles it. */
    record Line(Kind kind, String text) {
        enum Kind {
            HEADER,
            HUNK,
            ADDED,
            REMOVED,
            SAME
        }

        public String kindCode() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The lines that turn {@code before} into {@code after}; empty when they are the same. */
    static List<Line> between(String beforeName, String before, String afterName, String after) {
        List<String> from = before.lines().toList();
        List<String> to = after.lines().toList();
        var patch = DiffUtils.diff(from, to);
        return UnifiedDiffUtils.generateUnifiedDiff(beforeName, afterName, from, patch, CONTEXT).stream()
                .map(TextDiff::line)
                .toList();
    }

    private static Line line(String text) {
        Line.Kind kind;
        if (text.startsWith("---") || text.startsWith("+++")) {
            kind = Line.Kind.HEADER;
        } else if (text.startsWith("@@")) {
            kind = Line.Kind.HUNK;
        } else if (text.startsWith("+")) {
            kind = Line.Kind.ADDED;
        } else if (text.startsWith("-")) {
            kind = Line.Kind.REMOVED;
        } else {
            kind = Line.Kind.SAME;
        }
        return new Line(kind, text);
    }
}
