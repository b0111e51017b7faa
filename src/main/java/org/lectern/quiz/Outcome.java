package org.lectern.quiz;

import java.util.Set;

/** What a learner just did with a question, as the question's fragment shows it. */
public record Outcome(boolean correct, boolean gaveUp, double fraction, int attemptNo, Set<Long> chosen, String text) {
    public Outcome {
        chosen = Set.copyOf(chosen);
    }

    public boolean chose(long optionId) {
        return chosen.contains(optionId);
    }

    /** The answer and its explanation are shown once the learner got it right or gave up. */
    public boolean revealed() {
        return correct || gaveUp;
    }

    public int percent() {
        return (int) Math.round(fraction * 100);
    }
}
