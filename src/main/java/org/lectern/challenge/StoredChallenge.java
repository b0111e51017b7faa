package org.lectern.challenge;

/** A challenge as the content import stored it: the statement and code, and the demands its front matter makes. */
record StoredChallenge(
        long id,
        long chapterId,
        String key,
        int position,
        String title,
        String statementMd,
        String starterCode,
        String testCode,
        String solutionCode,
        Integer maxWallMs,
        int repeatRuns,
        Integer minProcesses) {}
