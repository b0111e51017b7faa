package org.lectern.challenge;

/**
 * A demand a check makes beyond the tests, and whether the code met it: {@code wall} (every run within {@code limit}
 * ms of wall time; {@code actual} is the slowest run), {@code processes} (every run had at least {@code limit}
 * processes and threads alive at once; {@code actual} is the fewest of the runs' peaks) or {@code race} (every one of
 * {@code limit} runs gave the same answer; {@code actual} is how many different answers there were).
 */
public record Demand(String kind, boolean passed, long limit, long actual) {}
