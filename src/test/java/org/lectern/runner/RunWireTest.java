package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.lectern.config.ConfigException;
import org.lectern.config.Settings;

/** The messages between web and runner nodes, what a web node makes of heartbeats, and the cluster settings. */
class RunWireTest {
    private final RunWire wire = new RunWire();

    @Test
    void aSubmittedRunArrivesWithItsBytesAndSource() {
        byte[] code = "print('é')\n\u0000".getBytes(StandardCharsets.UTF_8);
        RunRequest sent = new RunRequest(
                code,
                new byte[0],
                false,
                new RunRequest.Source("python-concurrency", "threads", 3),
                RunCaller.learner(7),
                true);
        var body = wire.parse(wire.submit("00ff12", sent));
        assertThat(wire.runIdOf(body)).isEqualTo("00ff12");
        RunRequest received = wire.request(body);
        assertThat(received.code()).isEqualTo(code);
        assertThat(received.source()).isEqualTo(sent.source());
        assertThat(received.graded())
                .as("a check's run weighs as one on the node too")
                .isTrue();
        // the runner node never learns who asked: the web node records the run under its caller
        assertThat(received.caller()).isEqualTo(RunWire.REMOTE_CALLER);
    }

    @Test
    void aRunIdThatCouldEscapeItsSubjectIsRefused() {
        var body = wire.parse("{\"runId\":\"a.>\",\"code\":\"\"}".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> wire.runIdOf(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyEventSurvivesTheTrip() {
        RunResult result = new RunResult(RunStatus.TIMEOUT, null, 10_001, 9_000, 4096, 3, 12, "Thread 0x1\n");
        assertThat(wire.event(wire.event(new RunEvent.Exit(result)))).isEqualTo(new RunEvent.Exit(result));
        RunResult ok = new RunResult(RunStatus.ERROR, 3, 20, 10, 100, 1, 0, null);
        assertThat(wire.event(wire.event(new RunEvent.Exit(ok)))).isEqualTo(new RunEvent.Exit(ok));
        RunEvent output = new RunEvent.Output(RunEvent.Stream.STDERR, "Traceback …\n", 42);
        assertThat(wire.event(wire.event(output))).isEqualTo(output);
        assertThat(wire.event(wire.event(new RunEvent.Queued(2)))).isEqualTo(new RunEvent.Queued(2));
        assertThat(wire.event(wire.event(new RunEvent.Started("ab")))).isEqualTo(new RunEvent.Started("ab"));
    }

    @Test
    void controlMessagesCarryInputExactly() {
        byte[] input = {0, (byte) 0xff, 10};
        RunWire.Control in = wire.control(wire.control(new RunWire.Control.Input(input)));
        assertThat(((RunWire.Control.Input) in).data()).isEqualTo(input);
        assertThat(wire.control(wire.control(new RunWire.Control.EndOfInput())))
                .isInstanceOf(RunWire.Control.EndOfInput.class);
        assertThat(wire.control(wire.control(new RunWire.Control.Stop()))).isInstanceOf(RunWire.Control.Stop.class);
        assertThatThrownBy(() -> wire.control("[1]".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDirectorySumsLiveNodesAndForgetsSilentOnes() {
        AtomicLong now = new AtomicLong();
        RunnerDirectory directory = new RunnerDirectory(Duration.ofSeconds(3), now::get);
        directory.heard(wire.heartbeat(wire.heartbeat(new RunWire.Heartbeat("a", 2, 8, 2, 1, 0, false))));
        directory.heard(new RunWire.Heartbeat("b", 4, 16, 1, 0, 3, false));
        assertThat(directory.totals()).isEqualTo(new RunnerDirectory.Totals(2, 6, 3, 1, 3, 7 + 19));
        now.set(Duration.ofSeconds(2).toNanos());
        directory.heard(new RunWire.Heartbeat("b", 4, 16, 0, 0, 4, false));
        now.set(Duration.ofMillis(3500).toNanos());
        assertThat(directory.gone("a")).isTrue();
        assertThat(directory.gone("b")).isFalse();
        assertThat(directory.totals().nodes()).isEqualTo(1);
        directory.heard(new RunWire.Heartbeat("b", 4, 16, 0, 0, 4, true));
        assertThat(directory.gone("b")).as("a node that says it is leaving").isTrue();
        assertThat(directory.gone("never-heard-of")).isTrue();
    }

    @Test
    void localIsTheDefaultAndNatsNeedsANatsUrl() {
        RunnersConfig defaults = RunnersConfig.fromSettings(new Settings(Map.of()));
        assertThat(defaults.local()).isTrue();
        assertThat(defaults.lostAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.heartbeat()).isEqualTo(Duration.ofSeconds(1));
        RunnersConfig nats = RunnersConfig.fromSettings(
                new Settings(Map.of("LECTERN_RUNNERS", "nats://10.0.0.5:4222", "LECTERN_RUNNER_LOST_AFTER", "1500ms")));
        assertThat(nats.local()).isFalse();
        assertThat(nats.natsUrl()).isEqualTo("nats://10.0.0.5:4222");
        assertThat(nats.heartbeat()).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> RunnersConfig.fromSettings(new Settings(Map.of("LECTERN_RUNNERS", "redis://x"))))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("LECTERN_RUNNERS");
        assertThatThrownBy(() -> RunnersConfig.fromSettings(new Settings(Map.of("LECTERN_NATS_PREFIX", "a.b"))))
                .isInstanceOf(ConfigException.class);
    }
}
