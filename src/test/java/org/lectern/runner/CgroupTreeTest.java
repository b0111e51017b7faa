package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** At start-up the runner removes what a crashed server left in its cgroups, and only that. */
class CgroupTreeTest {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String NAME = "lectern-test-leftovers";

    @AfterEach
    void removeParents() throws IOException {
        for (String controller : new String[] {"pids", "memory", "cpuacct", "cpu"}) {
            Files.deleteIfExists(ROOT.resolve(controller).resolve(NAME));
        }
    }

    @Test
    void aCrashedServersGroupsAreEmptiedAndRemoved() throws Exception {
        long deadPid = deadPid();
        Path leftover =
                Files.createDirectories(ROOT.resolve("pids").resolve(NAME).resolve(deadPid + "-1-dead/s1"));
        Process orphan = new ProcessBuilder("/usr/bin/sleep", "600").start();
        Files.writeString(leftover.resolve("cgroup.procs"), Long.toString(orphan.pid()));

        try (CgroupTree tree = CgroupTree.open(ROOT, NAME, 1)) {
            assertThat(orphan.waitFor(5, TimeUnit.SECONDS))
                    .as("the orphan was killed")
                    .isTrue();
            assertThat(leftover.getParent()).doesNotExist();
            assertThat(tree.groups()).isEmpty();
        }
    }

    @Test
    void aLiveServersGroupsAreLeftAlone() throws Exception {
        try (CgroupTree running = CgroupTree.open(ROOT, NAME, 1)) {
            CgroupV1 group = running.newGroup(64 << 20, 16);
            try (CgroupTree restarted = CgroupTree.open(ROOT, NAME, 1)) {
                assertThat(running.groups()).hasSize(1);
                assertThat(restarted.groups()).isEmpty();
            }
            group.destroy();
            assertThat(running.groups()).isEmpty();
        }
    }

    @Test
    void allSandboxesTogetherWeighAsMuchForTheCpuAsTheRunsThatMayGoAtOnce() throws Exception {
        try (CgroupTree tree = CgroupTree.open(ROOT, NAME, 3)) {
            assertThat(Files.readString(ROOT.resolve("cpu").resolve(NAME).resolve("cpu.shares"))
                            .trim())
                    .isEqualTo("3072");
        }
    }

    /** A pid no process has now: the owner of the leftovers is gone. */
    private static long deadPid() throws InterruptedException, IOException {
        Process p = new ProcessBuilder("/bin/true").start();
        p.waitFor();
        assertThat(p.onExit()).succeedsWithin(Duration.ofSeconds(5));
        assertThat(ProcessHandle.of(p.pid())).isEmpty();
        return p.pid();
    }
}
