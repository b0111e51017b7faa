package org.lectern.quiz;

/**
 * The result of grading one answer: whether it was right, and the mark as a fraction of the question's points
 * (0 to 1), which is what item analysis averages.
 */
public record Grade(boolean correct, double fraction) {
    public static final Grade RIGHT = new Grade(true, 1.0);
    public static final Grade WRONG = new Grade(false, 0.0);

    public Grade {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("a mark is between 0 and 1, not " + fraction);
        }
    }
}
