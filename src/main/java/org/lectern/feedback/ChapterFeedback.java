package org.lectern.feedback;

/** A learner's answer to "Was everything clear?", with their suggestion if they left one. */
public record ChapterFeedback(boolean clear, String comment) {
    public boolean hasComment() {
        return comment != null && !comment.isBlank();
    }
}
