package org.lectern.progress;

import org.lectern.content.CourseOutline;

/**
 * A course on the dashboard: its progress, the share of questions right at the first attempt, and its challenges:
 * how many there are, solved, and checked without being solved yet.
 */
public record CourseScore(
        CourseOutline course,
        CourseProgress progress,
        int tried,
        int firstTryRight,
        int challenges,
        int challengesSolved,
        int challengesAttempted) {
    public int firstTryPercent() {
        return tried == 0 ? 0 : firstTryRight * 100 / tried;
    }
}
