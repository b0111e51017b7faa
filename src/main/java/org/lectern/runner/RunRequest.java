package org.lectern.runner;

/**
 * One run asked for: the code, input to hand over at once, whether input ends there (the HTTP API) or may follow (the
 * WebSocket), where the code came from, who asked, and whether it is a graded check's run (which weighs more for the
 * CPU, see {@link CpuWeights}).
 */
record RunRequest(byte[] code, byte[] stdin, boolean stdinComplete, Source source, RunCaller caller, boolean graded) {

    /** The code block a run came from, for analytics; every part may be missing. */
    record Source(String course, String chapter, Integer block) {
        static final Source NONE = new Source(null, null, null);
    }
}
