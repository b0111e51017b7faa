package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void printsHello() {
        try (RunnerServer server = RunnerServer.start(TestRunners.config());
                RunClient client = server.connect()) {
            assertThat(server.module.available())
                    .as(server.module.unavailableReason())
                    .isTrue();
            Transcript t = client.runToExit("print('hi')");
            System.out.println(t.types() + "\n" + t);
            assertThat(t.status()).isEqualTo("ok");
            assertThat(t.stdout()).isEqualTo("hi\n");
        }
    }
}
