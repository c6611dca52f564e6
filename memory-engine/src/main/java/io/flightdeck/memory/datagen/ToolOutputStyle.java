package io.flightdeck.memory.datagen;

/**
 * How a language's test runner reports: a Maven run says "Tests run: 42, Failures: 0", pytest says
 * "37 passed in 4.12s". Test summaries are what an agent reads to decide whether it is done, so they are
 * worth getting right.
 */
enum ToolOutputStyle {
    MAVEN, GRADLE, PYTEST, JEST, GO, CARGO, DOTNET, RSPEC, SBT;

    String testsPassed(int total, int skipped, String secs) {
        return switch (this) {
            case MAVEN -> "[INFO] Tests run: " + total + ", Failures: 0, Errors: 0, Skipped: " + skipped
                    + "\n[INFO] BUILD SUCCESS";
            case GRADLE -> total + " tests completed, 0 failed, " + skipped + " skipped\nBUILD SUCCESSFUL in " + secs + "s";
            case PYTEST -> "======== " + (total - skipped) + " passed, " + skipped + " skipped in " + secs + "s ========";
            case JEST -> "Tests:       " + (total - skipped) + " passed, " + skipped + " skipped, " + total
                    + " total\nTime:        " + secs + " s";
            case GO -> "ok  \t" + total + " tests\t" + secs + "s";
            case CARGO -> "test result: ok. " + (total - skipped) + " passed; 0 failed; " + skipped
                    + " ignored; finished in " + secs + "s";
            case DOTNET -> "Passed!  - Failed:     0, Passed:    " + (total - skipped) + ", Skipped:     " + skipped
                    + ", Total:    " + total + ", Duration: " + secs + " s";
            case RSPEC -> "Finished in " + secs + " seconds\n" + total + " examples, 0 failures, " + skipped + " pending";
            case SBT -> "[info] Tests: succeeded " + (total - skipped) + ", failed 0, canceled 0, ignored " + skipped
                    + "\n[info] All tests passed.";
        };
    }

    /** A test-runner failure report naming the failing test and the assertion message. */
    String testsFailed(int total, int failed, String testName, String assertion) {
        return switch (this) {
            case MAVEN -> "[ERROR] Tests run: " + total + ", Failures: " + failed + ", Errors: 0, Skipped: 0\n[ERROR] "
                    + testName + " -- " + assertion + "\n[INFO] BUILD FAILURE";
            case GRADLE -> testName + " FAILED\n    " + assertion + "\n" + total + " tests completed, " + failed + " failed";
            case PYTEST -> "FAILED " + testName + " - " + assertion + "\n======== " + failed + " failed, "
                    + (total - failed) + " passed ========";
            case JEST -> "FAIL " + testName + "\n  ● " + assertion + "\nTests:       " + failed + " failed, "
                    + (total - failed) + " passed, " + total + " total";
            case GO -> "--- FAIL: " + testName + "\n    " + assertion + "\nFAIL";
            case CARGO -> "---- " + testName + " stdout ----\n" + assertion + "\ntest result: FAILED. "
                    + (total - failed) + " passed; " + failed + " failed";
            case DOTNET -> "Failed " + testName + "\n  Error Message:\n   " + assertion + "\nFailed!  - Failed:     "
                    + failed + ", Passed:    " + (total - failed) + ", Total:    " + total;
            case RSPEC -> "Failures:\n  1) " + testName + "\n     " + assertion + "\n" + total + " examples, " + failed
                    + " failures";
            case SBT -> "[info] - " + testName + " *** FAILED ***\n[info]   " + assertion + "\n[error] Failed tests: "
                    + testName;
        };
    }

    /** The assertion message the runner shows for {@code expected != actual}. */
    String assertion(String expected, String actual) {
        return switch (this) {
            case MAVEN, GRADLE -> "org.opentest4j.AssertionFailedError: expected: <" + expected + "> but was: <" + actual + ">";
            case PYTEST -> "AssertionError: assert " + actual + " == " + expected;
            case JEST -> "expect(received).toBe(expected)\n    Expected: " + expected + "\n    Received: " + actual;
            case GO -> "Error: Not equal:\n        expected: " + expected + "\n        actual  : " + actual;
            case CARGO -> "assertion `left == right` failed\n  left: " + actual + "\n right: " + expected;
            case DOTNET -> "Assert.Equal() Failure\nExpected: " + expected + "\nActual:   " + actual;
            case RSPEC -> "expected: " + expected + "\n          got: " + actual + "\n     (compared using ==)";
            case SBT -> actual + " did not equal " + expected;
        };
    }
}
