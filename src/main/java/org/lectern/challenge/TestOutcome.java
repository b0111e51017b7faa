package org.lectern.challenge;

/**
 * One hidden test's result as the learner sees it: its name, the first line of its docstring, whether it passed, and
 * the message of its failure. {@code note} names a reason the server adds when the test reported nothing itself
 * ({@code not_run}: the run ended before it; {@code no_report}: the tests never started), shown from the bundles.
 */
public record TestOutcome(String name, String doc, boolean passed, String message, long ms, String note) {}
