package org.lectern.load;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** What a simulated learner runs when it presses Run ({@code LOAD_RUNS}). */
public enum RunMix {
    /** The mix of a class: mostly short prints, some one-second sleeps, a few small process pools. */
    REALISTIC(List.of(
            "print('hello from the load test')",
            "for i in range(3):\n    print(i * i)",
            "import time\nprint('sleeping')\ntime.sleep(1)\nprint('awake')",
            "from multiprocessing import Pool\n\n"
                    + "def square(x):\n    return x * x\n\n"
                    + "if __name__ == '__main__':\n"
                    + "    with Pool(2) as pool:\n        print(sum(pool.map(square, range(1000))))")),
    /**
     * Every run keeps a core busy for two seconds of its own CPU time, so that the sandboxes want every core the
     * runner lets them have: the pages then get a core only by their weight against the runs.
     */
    CPU(List.of("import time\n"
            + "end = time.process_time() + 2\n"
            + "while time.process_time() < end:\n"
            + "    pass\n"
            + "print('done')"));

    private final List<String> snippets;

    RunMix(List<String> snippets) {
        this.snippets = snippets;
    }

    /** {@code realistic} or {@code cpu}. */
    public static RunMix parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "realistic" -> REALISTIC;
            case "cpu" -> CPU;
            default -> throw new IllegalArgumentException("LOAD_RUNS is realistic or cpu, not \"" + value + "\"");
        };
    }

    String pick(Random random) {
        if (this == CPU) {
            return snippets.get(0);
        }
        int roll = random.nextInt(100);
        return snippets.get(roll < 35 ? 0 : roll < 60 ? 1 : roll < 85 ? 2 : 3);
    }
}
