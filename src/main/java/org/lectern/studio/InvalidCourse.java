package org.lectern.studio;

/** A request the studio refuses, with the message key that tells the author why. */
final class InvalidCourse extends RuntimeException {
    private final String messageKey;

    InvalidCourse(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    String messageKey() {
        return messageKey;
    }
}
