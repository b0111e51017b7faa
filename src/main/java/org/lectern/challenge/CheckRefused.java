package org.lectern.challenge;

/** A check or solution request that cannot be served, with its HTTP status and the bundle key of the reason. */
final class CheckRefused extends RuntimeException {
    private final int status;
    private final transient Object[] args;

    CheckRefused(int status, String messageKey, Object... args) {
        super(messageKey, null, false, false);
        this.status = status;
        this.args = args.clone();
    }

    int status() {
        return status;
    }

    String messageKey() {
        return getMessage();
    }

    Object[] args() {
        return args.clone();
    }
}
