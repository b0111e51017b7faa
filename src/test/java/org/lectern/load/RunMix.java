package org.lectern.load;

import java.util.List;
import java.util.Locale;
import java.util.Random;

/** What a simulated learner runs when it presses Run ({@code LOAD_RUNS}). */
public enum RunMix {
    /** The mix of a class: mostly short prints, some one-second sleeps, a few small process pools. */
    REALISTIC(List.of(
            new Snippet(35, "print('hello from the load test')"),
            new Snippet(25, "for i in range(3):\n    print(i * i)"),
            new Snippet(25, "import time\nprint('sleeping')\ntime.sleep(1)\nprint('awake')"),
            new Snippet(
                    15,
                    "from multiprocessing import Pool\n\n"
                            + "def square(x):\n    return x * x\n\n"
                            + "if __name__ == '__main__':\n"
                            + "    with Pool(2) as pool:\n        print(sum(pool.map(square, range(1000))))"))),
    /**
     * Every run keeps a core busy for two seconds of its own CPU time, so that the sandboxes want every core the
     * runner lets them have: the pages then get a core only by their weight against the runs.
     */
    CPU(List.of(new Snippet(
            100,
            "import time\n"
                    + "end = time.process_time() + 2\n"
                    + "while time.process_time() < end:\n"
                    + "    pass\n"
                    + "print('done')")));

    /** A program and how many runs in a hundred are it. */
    private record Snippet(int percent, String code) {}

    private final List<Snippet> snippets;

    RunMix(List<Snippet> snippets) {
        if (snippets.stream().mapToInt(Snippet::percent).sum() != 100) {
            throw new IllegalArgumentException("A run mix's shares add up to 100");
        }
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
        int roll = random.nextInt(100);
        for (Snippet snippet : snippets) {
            roll -= snippet.percent();
            if (roll < 0) {
                return snippet.code();
            }
        }
        throw new AssertionError("shares add up to 100");
    }
}
