package org.lectern.studio;

/** A save based on a version of a file that another save replaced meanwhile. Nothing of the save was applied. */
final class Conflict extends RuntimeException {
    private final String path;
    private final String theirs;
    private final String theirSha;

    Conflict(String path, String theirs, String theirSha) {
        super(path + " was saved by someone else meanwhile");
        this.path = path;
        this.theirs = theirs;
        this.theirSha = theirSha;
    }

    String path() {
        return path;
    }

    /** The file as the other save left it. */
    String theirs() {
        return theirs;
    }

    /** Its hash, which a deliberate overwrite sends as its base. */
    String theirSha() {
        return theirSha;
    }
}
