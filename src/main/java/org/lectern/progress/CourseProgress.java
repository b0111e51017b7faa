package org.lectern.progress;

import java.util.Set;

/**
 * How far a learner is in a course: which chapters they completed, and where "Continue" takes them ({@code null} in
 * {@link Progress#completion}, for a page without "Continue").
 */
public record CourseProgress(int completed, int total, Set<Long> completedChapters, String continuePath) {
    public CourseProgress {
        completedChapters = Set.copyOf(completedChapters);
    }

    public int percent() {
        return total == 0 ? 0 : completed * 100 / total;
    }

    public boolean isCompleted(long chapterId) {
        return completedChapters.contains(chapterId);
    }
}
