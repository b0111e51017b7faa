package org.lectern.content;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lectern.content.CourseSource.ChallengeSource;

/** Reads a chapter's {@code NN-slug.challenges/<key>/} folders. */
final class ChallengeReader {
    private static final List<String> FILES = ChallengeSource.FILES;
    private final CourseFolderReader reader;

    ChallengeReader(CourseFolderReader reader) {
        this.reader = reader;
    }

    List<ChallengeSource> read(Path dir) {
        List<ChallengeSource> challenges = new ArrayList<>();
        int position = 0;
        for (Path child : reader.children(dir)) {
            String key = child.getFileName().toString();
            if (!Files.isDirectory(child)
                    || !CourseFolderReader.SLUG.matcher(key).matches()) {
                throw new ContentException(
                        reader.display(child),
                        0,
                        "a challenges folder holds one folder per challenge, " + "named by its key (a-z, 0-9, dashes)");
            }
            challenges.add(challenge(child, key, ++position));
        }
        return List.copyOf(challenges);
    }

    private ChallengeSource challenge(Path dir, String key, int position) {
        for (String name : FILES) {
            if (!Files.isRegularFile(dir.resolve(name))) {
                throw new ContentException(
                        reader.display(dir.resolve(name)), 0, "missing: a challenge needs " + String.join(", ", FILES));
            }
        }
        return parse(
                reader.display(dir),
                key,
                position,
                reader.text(dir.resolve("challenge.md")),
                reader.text(dir.resolve("starter.py")),
                reader.text(dir.resolve("tests.py")),
                reader.text(dir.resolve("solution.py")));
    }

    /**
     * A challenge from its four files' texts, as the folder reader checks it.
     *
     * @param dir the challenge's folder, for the messages
     * @throws ContentException naming {@code challenge.md}, the line and the problem
     */
    static ChallengeSource parse(
            Path dir, String key, int position, String statementText, String starter, String tests, String solution) {
        FrontMatter statement = FrontMatter.parse(dir.resolve("challenge.md"), statementText);
        YamlFields f = statement.fields().allowOnly(Set.of("title", "max_wall_ms", "repeat", "min_processes"));
        int maxWall = f.integer("max_wall_ms", 0);
        int repeat = f.integer("repeat", 1);
        int minProcesses = f.integer("min_processes", 0);
        if (maxWall < 0 || repeat < 1 || repeat > 100 || minProcesses < 0) {
            throw f.error("max_wall_ms and min_processes must be positive and repeat between 1 and 100");
        }
        return new ChallengeSource(
                key,
                position,
                f.requiredString("title"),
                statement.body(),
                starter,
                tests,
                solution,
                maxWall == 0 ? null : maxWall,
                repeat,
                minProcesses == 0 ? null : minProcesses);
    }
}
