package org.lectern.content;

import java.nio.file.Path;

/** A content file that cannot be imported: names the file, the line (when known) and the problem. */
public class ContentException extends RuntimeException {
    private final String file;
    private final int line;
    private final String problem;

    public ContentException(Path file, int line, String problem) {
        this(file == null ? "" : file.toString(), line, problem);
    }

    public ContentException(String file, int line, String problem) {
        super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
        this.file = file;
        this.line = line;
        this.problem = problem;
    }

    public String file() {
        return file;
    }

    /** 1-based; 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
