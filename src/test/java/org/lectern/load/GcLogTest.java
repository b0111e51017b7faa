package org.lectern.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench reads the server's collections from its -Xlog:gc file. */
class GcLogTest {
    @TempDir
    Path dir;

    @Test
    void pausesFromTheGivenUptimeOnAreCountedByKind() throws Exception {
        Path log = Files.writeString(dir.resolve("gc.log"), """
                [0.011s][info][gc] Using Serial
                [2.519s][info][gc] GC(9) Pause Full (Metadata GC Threshold) 27M->24M(108M) 31.382ms
                [30.100s][info][gc] GC(120) Pause Young (Allocation Failure) 98M->64M(123M) 5.159ms
                [30.300s][info][gc] GC(121) Pause Young (Allocation Failure) 98M->64M(123M) 7.000ms
                [39.371s][info][gc] GC(144) Pause Full (Allocation Failure) 106M->43M(108M) 104.288ms
                """);
        GcLog underLoad = GcLog.read(log, 10.0);
        assertThat(underLoad.youngMillis()).containsExactly(5.159, 7.0);
        assertThat(underLoad.fullMillis()).containsExactly(104.288);
        assertThat(underLoad.toString()).isEqualTo("2 young (mean 6.1 ms, longest 7 ms), 1 full (longest 104 ms)");
        assertThat(GcLog.read(log, 0).fullMillis()).hasSize(2);
        assertThat(GcLog.read(dir.resolve("none.log"), 0).plus(underLoad)).isEqualTo(underLoad);
    }
}
