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

        try (CgroupTree tree = CgroupTree.open(ROOT, NAME)) {
            assertThat(orphan.waitFor(5, TimeUnit.SECONDS))
                    .as("the orphan was killed")
                    .isTrue();
            assertThat(leftover.getParent()).doesNotExist();
            assertThat(tree.groups()).isEmpty();
        }
    }

    @Test
    void aLiveServersGroupsAreLeftAlone() throws Exception {
        try (CgroupTree running = CgroupTree.open(ROOT, NAME)) {
            CgroupV1 group = running.newGroup(64 << 20, 16);
            try (CgroupTree restarted = CgroupTree.open(ROOT, NAME)) {
                assertThat(running.groups()).hasSize(1);
                assertThat(restarted.groups()).isEmpty();
            }
            group.destroy();
            assertThat(running.groups()).isEmpty();
        }
    }

    @Test
    void busySandboxesWeighByWhatTheyRunAndTheServersFolderTheirSum() throws Exception {
        try (CgroupTree tree = CgroupTree.open(ROOT, NAME)) {
            assertThat(shares(NAME)).as("nothing busy").isEqualTo(CpuWeights.IDLE);

            CgroupV1 check = tree.newGroup(64 << 20, 16);
            assertThat(shares(NAME)).as("a sandbox starting up").isEqualTo(256);
            check.waiting();
            assertThat(shares(NAME)).as("a warm sandbox waiting for code").isEqualTo(CpuWeights.IDLE);

            check.running(CpuWeights.Weight.GRADED);
            CgroupV1 free = tree.newGroup(64 << 20, 16);
            free.waiting();
            free.running(CpuWeights.Weight.LEARNER);
            assertThat(shares(NAME)).isEqualTo(1024 + 256);
            Path instance = tree.instanceDir("cpu");
            assertThat(shares(NAME + "/" + instance.getFileName())).isEqualTo(1024 + 256);
            assertThat(shares(NAME + "/" + instance.getFileName() + "/"
                            + tree.groups().get(0).getFileName()))
                    .isIn(1024, 256);

            check.destroy();
            assertThat(shares(NAME)).as("only the free run is left").isEqualTo(256);
            free.destroy();
            assertThat(shares(NAME)).isEqualTo(CpuWeights.IDLE);
        }
    }

    @Test
    void serversSharingACgroupNameWeighTogether() throws Exception {
        try (CgroupTree one = CgroupTree.open(ROOT, NAME);
                CgroupTree two = CgroupTree.open(ROOT, NAME)) {
            CgroupV1 a = one.newGroup(64 << 20, 16);
            a.running(CpuWeights.Weight.GRADED);
            CgroupV1 b = two.newGroup(64 << 20, 16);
            b.running(CpuWeights.Weight.LEARNER);
            assertThat(shares(NAME)).isEqualTo(1024 + 256);
            a.destroy();
            assertThat(shares(NAME))
                    .as("the other server's idle folder weighs the least")
                    .isEqualTo(256 + CpuWeights.IDLE);
            b.destroy();
        }
    }

    private static int shares(String dir) throws IOException {
        return Integer.parseInt(
                Files.readString(ROOT.resolve("cpu").resolve(dir).resolve("cpu.shares"))
                        .trim());
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
