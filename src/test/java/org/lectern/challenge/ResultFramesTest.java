package org.lectern.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web side of the check protocol: frames out of the stream, everything else shown, forgeries worthless. */
class ResultFramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONCE = "3f1c9a7e5b2d4c6f8a0b1c2d3e4f5a6b";
    private static final String EARLIER = "9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";

    private static String frame(String nonce, String json) {
        return nonce + " " + json + "\n";
    }

    private static final String PLAN = "{\"plan\": [\"test_one\", \"test_two\"]}";
    private static final String ONE_PASSED =
            "{\"test\": \"test_one\", \"doc\": \"One.\", \"passed\": true, \"message\": \"\", \"ms\": 3}";
    private static final String TWO_FAILED =
            "{\"test\": \"test_two\", \"doc\": \"\", \"passed\": false, \"message\": \"no\", \"ms\": 1}";
    private static final String TWO_PASSED =
            "{\"test\": \"test_two\", \"doc\": \"\", \"passed\": true, \"message\": \"\", \"ms\": 1}";
    private static final String DONE = "{\"done\": true}";

    @Test
    void framesAreTakenOutAndTheRestIsShownAsItCame() {
        ResultFrames frames = new ResultFrames(JSON, NONCE);
        String shown = frames.stdout("hello\n" + frame(NONCE, PLAN) + "mid" + frame(NONCE, ONE_PASSED))
                + frames.stdout(frame(NONCE, TWO_FAILED) + frame(NONCE, DONE) + "bye\n")
                + frames.finish();
        assertThat(shown).isEqualTo("hello\nmidbye\n");
        RunReport report = RunReport.of(frames.records());
        assertThat(report.complete()).isTrue();
        assertThat(report.outcomes()).extracting(TestOutcome::name).containsExactly("test_one", "test_two");
        assertThat(report.outcomes()).extracting(TestOutcome::passed).containsExactly(true, false);
        assertThat(report.outcomes().get(1).message()).isEqualTo("no");
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void aFrameSplitAnywhereOverChunksNeverShowsAnyPartOfTheNonce() {
        String stream =
                "out" + frame(NONCE, PLAN) + frame(NONCE, ONE_PASSED) + frame(NONCE, TWO_PASSED) + frame(NONCE, DONE);
        for (int cut = 1; cut < stream.length(); cut++) {
            ResultFrames frames = new ResultFrames(JSON, NONCE);
            String first = frames.stdout(stream.substring(0, cut));
            String shown = first + frames.stdout(stream.substring(cut)) + frames.finish();
            assertThat(shown).as("cut at %d", cut).isEqualTo("out");
            assertThat(first).as("cut at %d", cut).doesNotContain(NONCE.substring(0, 4));
            assertThat(RunReport.of(frames.records()).allPassed()).isTrue();
        }
    }

    @Test
    void exactCopiesOfAnotherChecksFramesArePlainOutputAndCountForNothing() {
        ResultFrames frames = new ResultFrames(JSON, NONCE);
        String copies =
                frame(EARLIER, PLAN) + frame(EARLIER, ONE_PASSED) + frame(EARLIER, TWO_PASSED) + frame(EARLIER, DONE);
        String shown = frames.stdout(copies)
                + frames.stdout(frame(NONCE, PLAN) + frame(NONCE, ONE_PASSED))
                + frames.stdout(frame(NONCE, TWO_FAILED) + frame(NONCE, DONE))
                + frames.finish();
        assertThat(shown).isEqualTo(copies);
        RunReport report = RunReport.of(frames.records());
        assertThat(report.outcomes()).extracting(TestOutcome::passed).containsExactly(true, false);
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void fakePassedLinesWithoutTheNonceAreOrdinaryOutput() {
        ResultFrames frames = new ResultFrames(JSON, NONCE);
        String fakes = "PASS test_two\n" + "ok test_two passed\n" + " " + TWO_PASSED + "\n" + NONCE.substring(0, 31)
                + " " + TWO_PASSED + "\n";
        String shown = frames.stdout(fakes) + frames.finish();
        assertThat(shown).isEqualTo(fakes);
        assertThat(frames.records()).isEmpty();
        assertThat(RunReport.of(frames.records()).outcomes())
                .singleElement()
                .satisfies(o -> assertThat(o.note()).isEqualTo("no_report"));
    }

    @Test
    void reportsAfterTheHarnessSaidDoneOrForTestsOutsideThePlanAreIgnored() {
        RunReport report = RunReport.of(List.of(
                node(PLAN),
                node(ONE_PASSED),
                node(TWO_FAILED),
                node(DONE),
                node(TWO_PASSED),
                node("{\"test\": \"test_three\", \"passed\": true}")));
        assertThat(report.outcomes()).extracting(TestOutcome::passed).containsExactly(true, false);
    }

    @Test
    void aPlannedTestThatNeverReportedDidNotRunAndTheRunIsIncomplete() {
        RunReport report = RunReport.of(List.of(node(PLAN), node(ONE_PASSED)));
        assertThat(report.complete()).isFalse();
        assertThat(report.outcomes().get(1).note()).isEqualTo("not_run");
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void anUnfinishedFrameAtTheEndIsDroppedNotShown() {
        ResultFrames frames = new ResultFrames(JSON, NONCE);
        String shown = frames.stdout("x" + NONCE + " {\"test\": \"test_one\", \"pas") + frames.finish();
        assertThat(shown).isEqualTo("x");
        assertThat(frames.records()).isEmpty();
    }

    @Test
    void textThatOnlyStartsLikeTheNonceIsShownAtTheEnd() {
        ResultFrames frames = new ResultFrames(JSON, NONCE);
        assertThat(frames.stdout("abc" + NONCE.substring(0, 10))).isEqualTo("abc");
        assertThat(frames.finish()).isEqualTo(NONCE.substring(0, 10));
    }

    private static com.fasterxml.jackson.databind.JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
