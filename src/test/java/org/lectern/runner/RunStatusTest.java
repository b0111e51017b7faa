package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.http.HttpStatus;
import org.junit.jupiter.api.Test;

class RunStatusTest {

    @Test
    void aStatusImposedWhileRunningWins() {
        assertThat(RunStatus.settle(RunStatus.STOPPED, 1, 1, true, 137)).isEqualTo(RunStatus.STOPPED);
        assertThat(RunStatus.settle(RunStatus.TIMEOUT, 0, 0, false, 137)).isEqualTo(RunStatus.TIMEOUT);
    }

    @Test
    void theCgroupsCountersNameTheLimitTheExitCodeCannot() {
        assertThat(RunStatus.settle(null, 1, 0, false, 137)).isEqualTo(RunStatus.MEMORY_LIMIT);
        assertThat(RunStatus.settle(null, 0, 3, false, 1)).isEqualTo(RunStatus.PROCESS_LIMIT);
        assertThat(RunStatus.settle(null, 1, 3, false, 1)).isEqualTo(RunStatus.PROCESS_LIMIT);
        assertThat(RunStatus.settle(null, 0, 0, true, 152)).isEqualTo(RunStatus.CPU_LIMIT);
    }

    @Test
    void otherwiseTheExitCodeDecides() {
        assertThat(RunStatus.settle(null, 0, 0, false, 0)).isEqualTo(RunStatus.OK);
        assertThat(RunStatus.settle(null, 0, 0, false, 3)).isEqualTo(RunStatus.ERROR);
        // a learner's own exit(137) is not an OOM kill
        assertThat(RunStatus.settle(null, 0, 0, false, 137)).isEqualTo(RunStatus.ERROR);
    }

    @Test
    void onlyOkAndErrorKeepTheProgramsExitCode() {
        assertThat(RunStatus.OK.endedByItself()).isTrue();
        assertThat(RunStatus.ERROR.endedByItself()).isTrue();
        assertThat(RunStatus.TIMEOUT.endedByItself()).isFalse();
        assertThat(RunStatus.MEMORY_LIMIT.wireName()).isEqualTo("memory_limit");
    }

    @Test
    void refusalsMapToTheirHttpStatus() {
        assertThat(RunApi.statusFor(RunRejected.Reason.INVALID)).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(RunApi.statusFor(RunRejected.Reason.RATE_LIMITED)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(RunApi.statusFor(RunRejected.Reason.ALREADY_RUNNING)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(RunApi.statusFor(RunRejected.Reason.BUSY)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(RunApi.statusFor(RunRejected.Reason.UNAVAILABLE)).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }
}
