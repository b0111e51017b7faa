package org.lectern.studio;

/** What made a revision. */
enum RevisionKind {
    CREATE("create"),
    SAVE("save"),
    RESTORE("restore"),
    PUBLISH("publish"),
    REGRADE("regrade"),
    IMPORT("import");

    private final String code;

    RevisionKind(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
