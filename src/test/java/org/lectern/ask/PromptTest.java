package org.lectern.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lectern.content.CourseOutline;

/** What an "Explain this error" request gives the model, and what it searches the course for. */
class PromptTest {
    private static final String DUMP = """
            Thread 0x00007f (most recent call first):
              File "/usr/lib/python3.11/threading.py", line 320 in wait
              File "/usr/lib/python3.11/threading.py", line 1112 in join
              File "/tmp/main.py", line 9 in <module>
            """;
    private static final CourseOutline.ChapterEntry CHAPTER =
            new CourseOutline.ChapterEntry(7, "the-gil", 4, "The Global Interpreter Lock", "", 6, true);
    private static final CourseOutline.SectionEntry SECTION =
            new CourseOutline.SectionEntry(1, "introduction", 1, "Introduction", "", List.of(CHAPTER));
    private static final CourseOutline COURSE = new CourseOutline(
            1, "python-concurrency", "Python Concurrency", "Threads and processes", "", "en", List.of(SECTION));

    @Test
    void aTimedOutRunSearchesForTheErrorAndTheFunctionsTheThreadsWereStuckIn() {
        Prompt.Run run = new Prompt.Run("t.join()", "Traceback …\nRuntimeError: cannot join current thread\n", DUMP);
        assertThat(AskService.searchTextOf(run))
                .startsWith("Traceback … RuntimeError: cannot join current thread")
                .contains("wait", "join");
    }

    @Test
    void theModelGetsTheCodeTheErrorAndTheStackDumpWithinLimits() {
        String longCode = "x = 1\n".repeat(5_000);
        Prompt.Run run = new Prompt.Run(longCode, "KeyError: 'threads'", DUMP);
        List<ChatClient.Message> messages = Prompt.messages(
                COURSE,
                new CourseOutline.Located(SECTION, CHAPTER),
                "# The GIL",
                List.of(),
                new Prompt.Request("", run));
        assertThat(messages).extracting(ChatClient.Message::role).containsExactly("system", "user");
        assertThat(messages.get(0).content()).contains("Python Concurrency", "only help with this course");
        String user = messages.get(1).content();
        assertThat(user)
                .contains("The learner's program failed", "KeyError: 'threads'", "line 1112 in join", "ran out of time")
                .contains("/courses/python-concurrency/introduction/the-gil");
        assertThat(user.length()).isLessThan(Prompt.MAX_RUN_CHARS * 3 + 2_000);
    }

    @Test
    void aRunWithoutStackDumpSaysNothingAboutTime() {
        Prompt.Run run = new Prompt.Run("print(x)", "NameError: name 'x' is not defined", "");
        String user = Prompt.messages(
                        COURSE, new CourseOutline.Located(SECTION, CHAPTER), "", List.of(), new Prompt.Request("", run))
                .get(1)
                .content();
        assertThat(user).contains("NameError").doesNotContain("ran out of time");
        assertThat(AskService.searchTextOf(run)).isEqualTo("NameError: name 'x' is not defined");
    }
}
