package org.lectern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lectern.db.schema.Tables.APP_USER;
import static org.lectern.db.schema.Tables.CHALLENGE;
import static org.lectern.db.schema.Tables.CHAPTER;
import static org.lectern.db.schema.Tables.COURSE_REVISION;
import static org.lectern.db.schema.Tables.QUESTION;
import static org.lectern.db.schema.Tables.QUESTION_ATTEMPT;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.config.Config;
import org.lectern.runner.TestRunners;
import org.lectern.testing.TestFiles;
import org.lectern.testing.TestServer;

class CliTest {
    @TempDir
    Path data;

    @TempDir
    Path content;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        Map<String, String> env = new java.util.HashMap<>(TestRunners.sandboxUidsFromEnvironment());
        env.put("LECTERN_DATA_DIR", data.toString());
        return cli(env).run(args);
    }

    /** A learner's answer to a question, as the quiz stores it: right, by the key when it was given. */
    private void answered(String questionKey, String text) {
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            long user = db.insertInto(APP_USER)
                    .set(APP_USER.EMAIL, "l@example.org")
                    .set(APP_USER.DISPLAY_NAME, "L")
                    .set(APP_USER.PASSWORD_HASH, "x")
                    .returning(APP_USER.ID)
                    .fetchOne(APP_USER.ID);
            db.insertInto(QUESTION_ATTEMPT)
                    .set(QUESTION_ATTEMPT.USER_ID, user)
                    .set(
                            QUESTION_ATTEMPT.QUESTION_ID,
                            db.select(QUESTION.ID)
                                    .from(QUESTION)
                                    .where(QUESTION.QUESTION_KEY.eq(questionKey))
                                    .fetchOne(QUESTION.ID))
                    .set(QUESTION_ATTEMPT.ATTEMPT_NO, 1)
                    .set(QUESTION_ATTEMPT.ANSWER_TEXT, text)
                    .set(QUESTION_ATTEMPT.CORRECT, true)
                    .set(QUESTION_ATTEMPT.FRACTION, 1.0)
                    .execute();
        }
    }

    private Cli cli(Map<String, String> env) {
        return new Cli(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                prompt -> java.util.Optional.empty());
    }

    private int chapters() {
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            return db.fetchCount(CHAPTER);
        }
    }

    @Test
    void aDatabaseThatCannotBeOpenedIsSaidInOneLineWithoutAStackTrace() {
        Map<String, String> env = new java.util.HashMap<>(TestRunners.sandboxUidsFromEnvironment());
        env.put("LECTERN_DATA_DIR", data.toString());
        // nothing listens on port 1
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/lectern?password=not-to-be-printed");
        env.put("DATABASE_USER", "lectern");

        assertThat(cli(env).run(new String[] {"serve"})).isEqualTo(1);

        String said = err.toString(StandardCharsets.UTF_8);
        assertThat(said)
                .startsWith("Cannot open the database (DATABASE_URL): ")
                .contains("127.0.0.1:1")
                .doesNotContain("not-to-be-printed")
                .doesNotContain("\tat ")
                .doesNotContain("Exception");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("is running");
    }

    @Test
    void importLoadsAContentFolderAndSaysWhatItDid() {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("created sample-course: 2 sections, 3 chapters, 4 questions, 1 challenges, 1 files");
        assertThat(chapters()).isEqualTo(3);
    }

    @Test
    void aMalformedFolderIsRejectedWithItsFileAndLineAndChangesNothing() {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        TestFiles.write(content.resolve("sample-course/02-more/02-new.md"), "---\ntitle: New\n---\nText.\n");
        TestFiles.write(content.resolve("sample-course/course.md"), "---\ntitle: x\nfree_sections: many\n---\n");
        assertThat(run("import", content.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains(
                        "Import failed, nothing was changed: sample-course/course.md:3: 'free_sections' must be a whole number");
        assertThat(chapters()).isEqualTo(3);
    }

    @Test
    void exportWritesTheImportedFilesBackByteForByte(@TempDir Path target) {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        assertThat(run("export", "sample-course", target.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Exported 12 file(s) of sample-course to ");
        assertThat(org.lectern.content.CourseFiles.readFolder(target.resolve("sample-course")))
                .isEqualTo(org.lectern.content.CourseFiles.readFolder(content.resolve("sample-course")));

        assertThat(run("export", "no-such-course", target.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No published course 'no-such-course'");
        Path elsewhere = target.resolve("elsewhere");
        TestFiles.write(elsewhere.resolve("sample-course/notes.txt"), "not a course");
        assertThat(run("export", "sample-course", elsewhere.toString()))
                .as("a folder that is not a course folder is never overwritten")
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a course folder");
        assertThat(elsewhere.resolve("sample-course/notes.txt")).hasContent("not a course");
        assertThat(run("export", "sample-course")).as("usage").isEqualTo(2);
    }

    @Test
    void anImportThatWouldRetireAnsweredQuestionsNeedsForceAndKeepsTheAnswers() throws Exception {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        answered("what-prints", "2");
        Path quiz = content.resolve("sample-course/01-basics/02-second.quiz.yaml");
        String text = java.nio.file.Files.readString(quiz);
        TestFiles.write(
                quiz,
                text.substring(0, text.indexOf("  - id: what-prints"))
                        + text.substring(text.indexOf("  - id: pick-all")));

        assertThat(run("import", content.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Import refused", "sample-course/basics/second/what-prints (1 answers)", "--force");
        assertThat(run("import", content.toString(), "--force")).isEqualTo(0);
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            assertThat(db.select(QUESTION.RETIRED_AT)
                            .from(QUESTION)
                            .where(QUESTION.QUESTION_KEY.eq("what-prints"))
                            .fetchOne(QUESTION.RETIRED_AT))
                    .isNotNull();
            assertThat(db.fetchCount(QUESTION_ATTEMPT)).isEqualTo(1);
        }
    }

    private static final String ADD_NUMBERS = "sample-course/01-basics/02-second.challenges/add-numbers";

    @Test
    void importVerifiesTheChallengesItChangesAndRefusesOneThatFails() throws Exception {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString()))
                .as(err.toString(StandardCharsets.UTF_8))
                .isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Verifying 1 changed challenge(s) in the sandbox:", "ok      " + ADD_NUMBERS);
        out.reset();
        assertThat(run("import", content.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .as("nothing changed, nothing to verify")
                .doesNotContain("Verifying");

        TestFiles.write(content.resolve(ADD_NUMBERS + "/solution.py"), "def add(a, b):\n    return a - b\n");
        assertThat(run("import", content.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED  " + ADD_NUMBERS);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("Import refused, nothing was changed: 1 challenge(s) fail verification")
                .contains(ADD_NUMBERS + ": the reference solution does not pass")
                .contains("--no-verify");
        assertThat(solution()).contains("a + b");

        assertThat(run("import", content.toString(), "--no-verify")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Not verifying 1 changed challenge(s) (--no-verify): [" + ADD_NUMBERS + "]");
        assertThat(solution()).contains("a - b");
        assertThat(run("import", content.toString(), "--verify")).as("usage").isEqualTo(2);
    }

    private String solution() {
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            return db.select(CHALLENGE.SOLUTION_CODE).from(CHALLENGE).fetchOne(CHALLENGE.SOLUTION_CODE);
        }
    }

    private boolean whatPrintsRightAfterAnswerChangesTo(String answer, String... flags) throws Exception {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        answered("what-prints", "2");
        Path quiz = content.resolve("sample-course/01-basics/02-second.quiz.yaml");
        TestFiles.write(
                quiz, java.nio.file.Files.readString(quiz).replace("answer: \"2\"", "answer: \"" + answer + "\""));
        String[] args = new String[2 + flags.length];
        args[0] = "import";
        args[1] = content.toString();
        System.arraycopy(flags, 0, args, 2, flags.length);
        assertThat(run(args)).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("These answered questions get a new answer key")
                .contains("sample-course: what-prints in “Threads and tables” (1 answers)");
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            return db.select(QUESTION_ATTEMPT.CORRECT).from(QUESTION_ATTEMPT).fetchOne(QUESTION_ATTEMPT.CORRECT);
        }
    }

    @Test
    void answersToAQuestionWhoseKeyChangesKeepTheirVerdictsByDefault() throws Exception {
        assertThat(whatPrintsRightAfterAnswerChangesTo("3")).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("keep the verdicts they were given (add --regrade to grade them again)")
                .doesNotContain("Regraded");
    }

    @Test
    void withRegradeTheAnswersAreGradedAgainAndTheRevisionLogSaysSo() throws Exception {
        assertThat(whatPrintsRightAfterAnswerChangesTo("3", "--regrade")).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("will be graded again (--regrade)", "Regraded the answers to 1 question(s)");
        try (var db = DSL.using(Config.defaultH2Url(data), "sa", "")) {
            assertThat(db.select(COURSE_REVISION.MESSAGE)
                            .from(COURSE_REVISION)
                            .where(COURSE_REVISION.KIND.eq("regrade"))
                            .fetch(COURSE_REVISION.MESSAGE))
                    .containsExactly("what-prints: 1 of 1 attempts changed");
        }
    }

    @Test
    void unknownCommandsAndBadSettingsGetAClearMessage() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown command: frobnicate", "import <dir>");
        assertThat(cli(Map.of("PORT", "seventy")).run(new String[] {"serve"})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("PORT must be a whole number, not 'seventy'");
    }

    @Test
    void backupWritesAZipThatRestoresTheDatabase(@TempDir Path elsewhere) throws Exception {
        TestFiles.copyTree(TestServer.FIXTURE_CONTENT, content);
        assertThat(run("import", content.toString())).isEqualTo(0);
        Path zip = elsewhere.resolve("backup.zip");
        assertThat(run("backup", zip.toString())).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Backed up", zip.toString());
        assertThat(run("backup", zip.toString())).as("never overwrites").isEqualTo(2);

        Path restored = elsewhere.resolve("restored");
        java.nio.file.Files.createDirectories(restored);
        try (var zipFile = new java.util.zip.ZipFile(zip.toFile())) {
            var entry = zipFile.stream()
                    .filter(e -> e.getName().endsWith(".mv.db"))
                    .findFirst()
                    .orElseThrow();
            java.nio.file.Files.copy(zipFile.getInputStream(entry), restored.resolve("lectern.mv.db"));
        }
        try (var db = DSL.using(Config.defaultH2Url(restored), "sa", "")) {
            assertThat(db.fetchCount(CHAPTER)).isEqualTo(3);
        }
    }

    @Test
    void aRunnerNodeNeedsANatsAddress() {
        assertThat(run("runner")).isEqualTo(2);
        assertThat(run("runner", "--nats", "http://127.0.0.1:4222")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: java -jar lectern.jar runner --nats");
    }

    @Test
    void aMachineThatCannotMakeSandboxesIsNoRunnerNode() {
        int status = cli(Map.of(
                        "LECTERN_SANDBOX_BWRAP", data.resolve("no-bwrap").toString()))
                .run(new String[] {"runner", "--nats", "nats://127.0.0.1:1"});
        assertThat(status).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("cannot run learners' code, so it cannot be a runner node")
                .contains("no-bwrap");
    }
}
