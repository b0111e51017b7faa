package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Programs that end oddly, or read input, end with the status and exit code their own ending deserves. */
class ProgramEndingsTest extends HostileSuite {

    @Test
    void inputGivenWithTheCodeIsRead() {
        Transcript t = run(py("name = input('Name? ')", "print('Hello,', name)"), "Ada\n");
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("Name? Hello, Ada\n");
    }

    @Test
    void inputAtEndOfFileRaisesEofError() {
        List<RunClient.Frame> seen = client.start(py("print('waiting')", "input()"));
        client.endInput();
        Transcript t = client.awaitExit(seen);
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr()).contains("EOFError");
    }

    @Test
    void exitThreeAfterOutputKeepsTheOutputAndTheCode() {
        Transcript t = run(py("print('before')", "exit(3)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.exit().path("exitCode").asInt()).isEqualTo(3);
        assertThat(t.stdout()).isEqualTo("before\n");
    }

    @Test
    void exitWith137IsTheProgramsOwnCodeNotAMemoryKill() {
        Transcript t = run(py("import sys", "sys.exit(137)"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.exit().path("exitCode").asInt()).isEqualTo(137);
    }

    @Test
    void invalidUtf8IsReplacedNotDropped() {
        Transcript t = run(py("import sys", "sys.stdout.buffer.write(b'ok \\xff\\xfe end\\n')"));
        assertThat(t.status()).as(t.toString()).isEqualTo("ok");
        assertThat(t.stdout()).isEqualTo("ok \uFFFD\uFFFD end\n");
    }

    @Test
    void aSyntaxErrorShowsOnlyTheLearnersFile() {
        Transcript t = run(py("print('a'"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr())
                .contains("File \"/tmp/main.py\", line 1", "SyntaxError")
                .doesNotContain("<string>");
    }

    @Test
    void aTracebackStartsInTheLearnersCode() {
        Transcript t = run(py("def f():", "    return 1 / 0", "f()"));
        assertThat(t.status()).as(t.toString()).isEqualTo("error");
        assertThat(t.stderr())
                .startsWith("Traceback (most recent call last):\n  File \"/tmp/main.py\", line 3")
                .contains("ZeroDivisionError");
    }
}
