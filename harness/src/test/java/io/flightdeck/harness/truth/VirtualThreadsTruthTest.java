package io.flightdeck.harness.truth;

import static io.flightdeck.harness.truth.Configurations.jdk25;
import static io.flightdeck.harness.truth.Configurations.jfrCpuTime;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.flightdeck.profiling.Threads;
import io.flightdeck.profiling.threads.ThreadStates;

/**
 * {@link VirtualThreadsProgram} on JDK 25, read by the tests' JDK (17 by default, whose recording API has no
 * {@code isVirtual}): the virtual threads are counted one by one and shown as one row per name, each with its life
 * as its events show it, not the whole recording's (which read several times their true lives); with a sampler that
 * sees virtual threads, the unnamed ones, who did the program's work, are working threads though each slept most of
 * its life.
 */
@Tag(Configurations.GROUND_TRUTH)
class VirtualThreadsTruthTest {

    @Test
    void virtualThreadsAreGroupsWithTheirOwnLivesUnderJfr() {
        groupsWithTheirOwnLives(ProfiledRun.of(VirtualThreadsProgram.class, Sampler.JFR, jdk25()));
    }

    @Test
    void virtualThreadsDoTheWorkUnderTheCpuTimeSampler() {
        ProfiledRun run = ProfiledRun.of(VirtualThreadsProgram.class, jfrCpuTime(jdk25()), jdk25());
        ThreadStates states = groupsWithTheirOwnLives(run);
        ThreadStates.ThreadTime unnamed = states.thread(Threads.UNNAMED_VIRTUAL);
        assertThat(unnamed.percent(ThreadStates.SLEEPING)).as("each slept most of its life").isGreaterThan(50);
        assertThat(unnamed.working()).as("they ran most of the program's CPU time").isTrue();
        assertThat(states.workingThreads()).isGreaterThanOrEqualTo(unnamed.threads());
        assertThat(run.analysis().cpu().byThread()).as("CPU by thread: one row for them")
                .anySatisfy(r -> assertThat(r.name()).isEqualTo(Threads.UNNAMED_VIRTUAL));
    }

    private static ThreadStates groupsWithTheirOwnLives(ProfiledRun run) {
        JsonNode truth = run.truth();
        ThreadStates states = run.analysis().threads();
        long unnamedCount = truth.get("unnamedVirtualThreads").asLong();
        long namedCount = truth.get("namedVirtualThreads").asLong();
        assertThat(states.virtualThreads()).as(run.configuration()).isEqualTo(unnamedCount + namedCount);

        ThreadStates.ThreadTime unnamed = states.thread(Threads.UNNAMED_VIRTUAL);
        ThreadStates.ThreadTime named = states.thread("vworker-#-# (virtual)");
        assertThat(unnamed).as(run.configuration() + ": " + states.byThread()).isNotNull();
        assertThat(named).as(run.configuration() + ": " + states.byThread()).isNotNull();
        assertThat(unnamed.threads()).isEqualTo(unnamedCount);
        assertThat(named.threads()).isEqualTo(namedCount);
        assertThat(unnamed.virtual()).isTrue();

        // first to last event: from the first sleep's start to the last sleep's end, a little less than the truth
        // (the work after the last sleep is not an event); the recording's whole span would be many times it
        assertLife(run, unnamed, truth.get("unnamedLifeNanos").asLong());
        assertLife(run, named, truth.get("namedLifeNanos").asLong());
        assertThat(states.notes()).anySatisfy(n -> assertThat(n).contains("virtual threads"));
        assertThat(run.analysis().warnings()).as("locks without them are no evidence")
                .anySatisfy(w -> assertThat(w).contains(unnamedCount + namedCount + " virtual threads ran"));
        return states;
    }

    private static void assertLife(ProfiledRun run, ThreadStates.ThreadTime group, long truthNanos) {
        assertThat((double) group.lifetimeNanos()).as(run.configuration() + ": " + group.thread() + "'s lives")
                .isBetween(0.6 * truthNanos, 1.1 * truthNanos);
    }
}
