package org.lectern.load;

import java.io.IOException;
import java.nio.file.Files;
import java.util.OptionalInt;
import org.lectern.runner.Autogroup;

/**
 * The learners' JVM outweighs the server for the CPU while the bench runs. Real learners' browsers run on machines of
 * their own; here they share the server's cores, and a learner whose JVM waited for a core (its collector above all,
 * which stops every learner at once) would count that wait as the server's. The server's session group weighs as an
 * ordinary process per core ({@code runner.Autogroup}); the learners' weighs twice as much, and takes the quarter of a
 * core it needs when it needs it. The group is the session's, the shell's that started the bench included: its weight
 * is given back when the bench ends, Ctrl-C too.
 */
final class LearnersWeight {
    /** Nice -6 weighs 3906 to the server's 1991 (nice -3) on two cores, where nice 0 weighs 1024. */
    static final int NICE_WHILE_MEASURING = -6;

    private LearnersWeight() {}

    /** Returns what the learners' JVM weighs now, as a line for the report. */
    static String raise() {
        try {
            OptionalInt before = Autogroup.raise(Autogroup.SELF, NICE_WHILE_MEASURING);
            if (before.isEmpty()) {
                return "no session group's weight to set (" + Autogroup.SELF + "): every thread weighs alone";
            }
            int nice = before.getAsInt();
            if (nice <= NICE_WHILE_MEASURING) {
                return "its session group at nice " + nice;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> restore(nice), "session-weight"));
            return "its session group at nice " + NICE_WHILE_MEASURING + " while measuring (" + nice + " after)";
        } catch (IOException e) {
            return "its session group's weight unchanged: " + e;
        }
    }

    private static void restore(int nice) {
        try {
            Files.writeString(Autogroup.SELF, Integer.toString(nice));
        } catch (IOException e) {
            System.err.println("Could not give the session group its nice value " + nice + " back: " + e);
        }
    }
}
