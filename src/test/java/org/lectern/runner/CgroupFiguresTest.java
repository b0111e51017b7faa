package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Figures read from files shaped like cgroup v1's, again on every call. */
class CgroupFiguresTest {
    @TempDir
    Path dir;

    @Test
    void aNumberIsReadAgainEachTime() throws Exception {
        Path usage = Files.writeString(dir.resolve("cpuacct.usage"), "123456789\n");
        try (CgroupFigures figures = new CgroupFigures()) {
            assertThat(figures.number(usage)).isEqualTo(123_456_789L);
            Files.writeString(usage, "987654321012\n");
            assertThat(figures.number(usage)).isEqualTo(987_654_321_012L);
            Files.writeString(usage, "7\n");
            assertThat(figures.number(usage))
                    .as("a shorter value leaves nothing of the longer")
                    .isEqualTo(7);
        }
    }

    @Test
    void aFieldIsFoundByItsWholeName() throws Exception {
        Path oom =
                Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 1\nunder_oom 0\noom_kill 3\n");
        Path events = Files.writeString(dir.resolve("pids.events"), "max 12\n");
        try (CgroupFigures figures = new CgroupFigures()) {
            assertThat(figures.field(oom, "oom_kill")).isEqualTo(3);
            assertThat(figures.field(oom, "oom_kill_disable")).isEqualTo(1);
            assertThat(figures.field(oom, "under_oom")).isZero();
            assertThat(figures.field(oom, "oom")).as("no such field").isZero();
            assertThat(figures.field(events, "max")).isEqualTo(12);
            Files.writeString(events, "max 13\n");
            assertThat(figures.field(events, "max")).isEqualTo(13);
        }
    }

    @Test
    void whatCannotBeReadCountsAsZero() throws Exception {
        Path current = Files.writeString(dir.resolve("pids.current"), "4\n");
        Path max = Files.writeString(dir.resolve("pids.max"), "max\n");
        CgroupFigures figures = new CgroupFigures();
        assertThat(figures.number(dir.resolve("gone"))).isZero();
        assertThat(figures.field(dir.resolve("gone"), "max")).isZero();
        assertThat(figures.number(max)).as("not a number").isZero();
        assertThat(figures.number(current)).isEqualTo(4);
        figures.close();
        assertThat(figures.number(current)).as("after the group was destroyed").isZero();
    }

    @Test
    void aReadCutShortByAnInterruptDoesNotSpoilTheNextOnes() throws Exception {
        Path usage = Files.writeString(dir.resolve("cpuacct.usage"), "42\n");
        try (CgroupFigures figures = new CgroupFigures()) {
            assertThat(figures.number(usage)).isEqualTo(42);
            // an interrupted thread's read closes the channel it reads from
            Thread.currentThread().interrupt();
            long interrupted = figures.number(usage);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(interrupted).isZero();
            assertThat(figures.number(usage))
                    .as("read again from a file opened anew")
                    .isEqualTo(42);
        }
    }
}
