package org.lectern.progress;

import org.lectern.content.CourseOutline;

/** A course on the dashboard: its progress and the share of questions right at the first attempt. */
public record CourseScore(CourseOutline course, CourseProgress progress, int tried, int firstTryRight) {
    public int firstTryPercent() {
        return tried == 0 ? 0 : firstTryRight * 100 / tried;
    }
}
