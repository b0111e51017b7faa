package org.lectern.challenge;

import java.util.List;

/**
 * The verdict of one check: the tests of the run shown (the first that failed, else the last), the demands, and the
 * figures, each the largest over the check's runs. The status is that of the run shown.
 */
record CheckResult(
        boolean passed,
        String status,
        List<TestOutcome> tests,
        List<Demand> demands,
        int runs,
        long wallMs,
        long cpuMs,
        long peakMemoryKb,
        long processes) {

    int testsPassed() {
        return (int) tests.stream().filter(TestOutcome::passed).count();
    }

    int testsTotal() {
        return tests.size();
    }
}
