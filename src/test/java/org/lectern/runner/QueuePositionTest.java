package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A run that waits is told its place in the queue, and told again each time it changes: it moves up as runs ahead start
 * or stop, and back when a graded run comes in ahead of it.
 */
class QueuePositionTest {
    private static final String WAITS_FOR_A_LINE = "input()\nprint('done')";

    @Test
    void aWaitingRunHearsItsPlaceEachTimeItMovesUp() {
        try (Line line = new Line()) {
            line.going.input("go\n");
            assertThat(line.going.awaitExit(line.goingSeen).status()).isEqualTo("ok");
            List<RunClient.Frame> secondSeen = new ArrayList<>();
            line.second.awaitType("started", secondSeen);
            assertThat(secondSeen).as("no second count for the run that starts").isEmpty();
            assertThat(position(line.third.next())).as("the third moved up").isEqualTo(1);

            line.second.input("go\n");
            assertThat(line.second.awaitExit().status()).isEqualTo("ok");
            Transcript t = line.third.awaitExit();
            assertThat(t.types()).as("its place was not told twice").matches("started(,output)+,exit");
            assertThat(t.stdout()).isEqualTo("my turn\n");
        }
    }

    @Test
    void aRunAheadThatIsStoppedInTheQueueMovesTheOthersUp() {
        try (Line line = new Line()) {
            line.second.stop();
            assertThat(line.second.awaitExit().status()).isEqualTo("stopped");
            assertThat(position(line.third.next())).isEqualTo(1);

            line.going.stop();
            assertThat(line.going.awaitExit(line.goingSeen).status()).isEqualTo("stopped");
            assertThat(line.third.awaitExit().stdout()).isEqualTo("my turn\n");
        }
    }

    @Test
    void aGradedRunWaitsAheadOfLearnersOwnRuns() throws Exception {
        try (Line line = new Line()) {
            BlockingQueue<RunEvent> graded = new LinkedBlockingQueue<>();
            line.server
                    .module
                    .programs()
                    .start(
                            RunCaller.learner(7),
                            "print('graded')",
                            "",
                            new ProgramRuns.Origin(null, null, null),
                            true,
                            graded::add);
            assertThat(graded.poll(10, TimeUnit.SECONDS)).isEqualTo(new RunEvent.Queued(1));
            assertThat(position(line.second.next()))
                    .as("the first learner's run moved back")
                    .isEqualTo(2);
            assertThat(position(line.third.next()))
                    .as("the second learner's run moved back")
                    .isEqualTo(3);

            line.going.input("go\n");
            assertThat(line.going.awaitExit(line.goingSeen).status()).isEqualTo("ok");
            assertThat(position(line.second.next()))
                    .as("the graded run started; the next in line")
                    .isEqualTo(1);
            line.second.input("go\n");
            assertThat(line.second.awaitExit().status()).isEqualTo("ok");
            assertThat(line.third.awaitExit().stdout()).isEqualTo("my turn\n");

            List<RunCaller> order = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                order.add(line.server.finished.poll(10, TimeUnit.SECONDS).caller());
            }
            assertThat(order.get(1))
                    .as("the graded run went right after the one going")
                    .isEqualTo(RunCaller.learner(7));
        }
    }

    private static int position(RunClient.Frame frame) {
        assertThat(frame.type()).as(frame.json().toString()).isEqualTo("queued");
        return frame.json().path("position").asInt();
    }

    /** One run going on a runner with room for one, and two waiting behind it, told places 1 and 2. */
    private static final class Line implements AutoCloseable {
        final RunnerServer server = RunnerServer.start(TestRunners.config(
                "LECTERN_RUNNER_CONCURRENCY", "1", "LECTERN_RUNNER_QUEUE", "3", "LECTERN_RUNNER_WARM_POOL", "1"));
        final RunClient going = server.connect();
        final RunClient second = server.connect();
        final RunClient third = server.connect();
        final List<RunClient.Frame> goingSeen;

        Line() {
            goingSeen = going.start(WAITS_FOR_A_LINE);
            second.run(WAITS_FOR_A_LINE);
            assertThat(position(second.next())).isEqualTo(1);
            third.run("print('my turn')");
            assertThat(position(third.next())).isEqualTo(2);
        }

        @Override
        public void close() {
            third.close();
            second.close();
            going.close();
            server.close();
        }
    }
}
