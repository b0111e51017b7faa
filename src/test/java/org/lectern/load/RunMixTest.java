package org.lectern.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the bench's learners run, from {@code LOAD_RUNS}. */
class RunMixTest {
    @Test
    void theSettingNamesAMixInAnyCaseAndAnythingElseIsRefusedByName() {
        assertThat(RunMix.parse("realistic")).isEqualTo(RunMix.REALISTIC);
        assertThat(RunMix.parse("CPU")).isEqualTo(RunMix.CPU);
        assertThatThrownBy(() -> RunMix.parse("heavy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("LOAD_RUNS is realistic or cpu, not \"heavy\"");
    }

    @Test
    void theRealisticMixIsMostlyShortPrintsWithSomeSleepsAndAFewPools() {
        Random random = new Random(7);
        Map<String, Long> drawn = IntStream.range(0, 10_000)
                .mapToObj(i -> RunMix.REALISTIC.pick(random))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(drawn).hasSize(4);
        assertThat(share(drawn, "print('hello")).isBetween(0.33, 0.37);
        assertThat(share(drawn, "for i in range(3)")).isBetween(0.23, 0.27);
        assertThat(share(drawn, "import time\nprint('sleeping')")).isBetween(0.23, 0.27);
        assertThat(share(drawn, "from multiprocessing import Pool")).isBetween(0.13, 0.17);
    }

    @Test
    void everyCpuRunIsTheBusyLoopOfTwoSecondsOfItsOwnCpuTime() {
        Random random = new Random(7);
        assertThat(IntStream.range(0, 100)
                        .mapToObj(i -> RunMix.CPU.pick(random))
                        .distinct())
                .singleElement()
                .asString()
                .contains("time.process_time() + 2", "while time.process_time() < end:");
    }

    private static double share(Map<String, Long> drawn, String start) {
        long total = drawn.values().stream().mapToLong(Long::longValue).sum();
        return drawn.entrySet().stream()
                        .filter(e -> e.getKey().startsWith(start))
                        .mapToLong(Map.Entry::getValue)
                        .sum()
                / (double) total;
    }
}
