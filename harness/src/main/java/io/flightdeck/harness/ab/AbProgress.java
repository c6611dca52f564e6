package io.flightdeck.harness.ab;

import io.flightdeck.harness.run.RunProgress;

/** What an A/B comparison tells as it goes: its builds, its rounds, a warning. A terminal prints it. */
public interface AbProgress extends RunProgress, AbRounds.Listener {

    /** One line about the comparison (a build started, the plan). */
    default void say(String line) {
    }
}
