package org.lectern.runner;

/** Why a run was not taken on; the message is written for the learner. */
final class RunRejected extends Exception {

    /** The kinds of refusal, which the HTTP API maps to status codes. */
    enum Reason {
        INVALID,
        UNAVAILABLE,
        BUSY,
        ALREADY_RUNNING,
        RATE_LIMITED
    }

    private final Reason reason;

    RunRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
