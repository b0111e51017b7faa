package org.lectern.challenge;

/**
 * A challenge as its chapter page shows it to one person: the statement, the code for the editor (the learner's last
 * submission, else the starter), where they stand, and the solution once they may see it.
 */
public record ChallengeView(
        long id,
        String key,
        String title,
        String statementHtml,
        String starterCode,
        String editorCode,
        Integer maxWallMs,
        int repeatRuns,
        Integer minProcesses,
        int submissions,
        boolean passed,
        int failedChecks,
        boolean mayAskSolution,
        String solutionCode) {

    public boolean attempted() {
        return submissions > 0;
    }
}
