package org.lectern.studio;

import org.lectern.challenge.Verification;

/** A publish refused because a challenge it changes fails verification; nothing was published. */
final class UnverifiedChallenge extends RuntimeException {
    private final String dir;
    private final transient Verification verification;

    UnverifiedChallenge(String dir, Verification verification) {
        super(dir + " fails verification", null, false, false);
        this.dir = dir;
        this.verification = verification;
    }

    /** The challenge's folder in the course. */
    String dir() {
        return dir;
    }

    Verification verification() {
        return verification;
    }
}
