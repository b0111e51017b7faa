package org.lectern.content;

import java.nio.file.Path;
import java.util.List;

/** A course as read from its folder, before it reaches the database. */
public record CourseSource(
        String slug,
        String title,
        String summary,
        String descriptionMd,
        String locale,
        int position,
        int freeSections,
        List<SectionSource> sections,
        List<AssetSource> assets,
        String contentHash) {

    public record SectionSource(
            String slug, int position, String title, String summaryMd, List<ChapterSource> chapters) {}

    public record ChapterSource(
            String slug,
            int position,
            String title,
            String summary,
            String bodyMd,
            Boolean free,
            List<QuestionSource> questions,
            List<ChallengeSource> challenges,
            // where the body came from, for error messages: the file and the line its body starts on
            Path file,
            int bodyLine) {}

    public record QuestionSource(
            String key,
            int position,
            QuestionKind kind,
            String promptMd,
            String code,
            String answer,
            String explanationMd,
            int points,
            List<OptionSource> options) {}

    public record OptionSource(String key, int position, String bodyMd, boolean correct, String explanationMd) {}

    public record ChallengeSource(
            String key,
            int position,
            String title,
            String statementMd,
            String starterCode,
            String testCode,
            String solutionCode,
            Integer maxWallMs,
            int repeatRuns,
            Integer minProcesses) {
        /** The names of a challenge folder's files, in the order an author writes them. */
        public static final java.util.List<String> FILES =
                java.util.List.of("challenge.md", "starter.py", "tests.py", "solution.py");

        /**
         * Reads a challenge from its files' texts exactly as a course folder's is read, for the studio.
         *
         * @param dir the challenge's folder in the course ({@code NN-section/NN-chapter.challenges/key})
         * @throws ContentException naming {@code challenge.md}, the line and the problem
         */
        public static ChallengeSource of(
                String dir, String key, String statement, String starter, String tests, String solution) {
            return ChallengeReader.parse(java.nio.file.Path.of(dir), key, 1, statement, starter, tests, solution);
        }
    }

    public record AssetSource(String path, String mediaType, byte[] content, String sha256) {}
}
