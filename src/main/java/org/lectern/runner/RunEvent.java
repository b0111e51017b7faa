package org.lectern.runner;

import java.util.Locale;

/** What a run tells whoever asked for it, in order: perhaps queued, started, output as it comes, then one exit. */
public sealed interface RunEvent {

    /** Which of the program's streams some output came from. */
    enum Stream {
        STDOUT,
        STDERR;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Queued(int position) implements RunEvent {}

    record Started(String runId) implements RunEvent {}

    /** Output as it arrived, whole characters only; {@code millis} counts from the moment the code was handed over. */
    record Output(Stream stream, String data, long millis) implements RunEvent {}

    record Exit(RunResult result) implements RunEvent {}
}
