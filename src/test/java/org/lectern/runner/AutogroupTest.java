package org.lectern.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's session group weighs for the CPU as an ordinary process per core. */
class AutogroupTest {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private static final String NAME = "lectern-test-autogroup";

    @TempDir
    Path dir;

    @AfterEach
    void removeParents() throws IOException {
        for (String controller : new String[] {"pids", "memory", "cpuacct", "cpu"}) {
            Files.deleteIfExists(ROOT.resolve(controller).resolve(NAME));
        }
    }

    @Test
    void eachNiceStepWeighsAQuarterMore() {
        assertThat(Autogroup.niceFor(1)).isZero();
        // the kernel's weights: nice -3 is 1991, nice -6 3906, nice -9 7620, against 1024 for nice 0
        assertThat(Autogroup.niceFor(2)).isEqualTo(-3);
        assertThat(Autogroup.niceFor(4)).isEqualTo(-6);
        assertThat(Autogroup.niceFor(8)).isEqualTo(-9);
        assertThat(Autogroup.niceFor(100_000)).isEqualTo(-20);
    }

    @Test
    void readsTheNiceValueTheKernelWrites() {
        assertThat(Autogroup.nice("/autogroup-85 nice 0\n")).hasValue(0);
        assertThat(Autogroup.nice("/autogroup-3 nice -7\n")).hasValue(-7);
        assertThat(Autogroup.nice("")).isEmpty();
    }

    @Test
    void aGroupWeighingLessIsGivenTheWeightOfItsCores() throws IOException {
        Path file = Files.writeString(dir.resolve("autogroup"), "/autogroup-85 nice 0\n");

        assertThat(Autogroup.weighAs(2, file)).hasValue(-3);
        assertThat(Files.readString(file)).isEqualTo("-3");
    }

    @Test
    void aGroupWeighingMoreAlreadyKeepsItsWeight() throws IOException {
        Path file = Files.writeString(dir.resolve("autogroup"), "/autogroup-85 nice -10\n");

        assertThat(Autogroup.weighAs(2, file)).hasValue(-10);
        assertThat(Files.readString(file)).isEqualTo("/autogroup-85 nice -10\n");
    }

    @Test
    void withoutAutogroupsNothingIsWritten() {
        assertThat(Autogroup.weighAs(2, dir.resolve("absent"))).isEqualTo(OptionalInt.empty());
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void aProcessInTheRootGroupIsLeftAsItIs() throws IOException {
        // the kernel prints nothing for the root group, whose weight cannot be changed
        Path file = Files.writeString(dir.resolve("autogroup"), "");

        assertThat(Autogroup.weighAs(2, file)).isEmpty();
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void aServerWithACpuCgroupWeighsItsSessionGroupOnTheRealKernel() throws Exception {
        assumeTrue(Files.isRegularFile(Autogroup.SELF), "this kernel has no autogroups (/proc/self/autogroup)");
        assumeTrue(
                Autogroup.nice(Files.readString(Autogroup.SELF)).isPresent(),
                "this process is in the kernel's root group, which has no nice value of its own (an empty "
                        + Autogroup.SELF
                        + ")");
        assumeTrue(
                Files.isDirectory(ROOT.resolve("cpu")),
                "the cgroup v1 cpu controller is not mounted at " + ROOT.resolve("cpu"));
        int wanted = Autogroup.niceFor(Runtime.getRuntime().availableProcessors());

        try (CgroupTree tree = CgroupTree.open(ROOT, NAME)) {
            OptionalInt nice = Autogroup.nice(Files.readString(Autogroup.SELF));
            assertThat(nice).isPresent();
            assertThat(nice.getAsInt()).isLessThanOrEqualTo(wanted);
        }
    }
}
