package io.flightdeck.memory.datagen;

/**
 * Why a step is taken. The same tool reads differently by purpose: {@code run_tests} to reproduce a bug
 * shows a failing test even though the call itself succeeded; {@code run_tests} to verify a fix is a
 * decision point ("verify the fix with the failing test").
 */
enum Purpose {
    REPRODUCE, EXPLORE, CHANGE, BUILD, VERIFY, INVESTIGATE, REPORT, WRAP,
    /** The step after a failure that deals with it (fix the compile error, locate the missing file). */
    RECOVER,
    /** The failed call again, after the recovery. */
    RETRY
}
