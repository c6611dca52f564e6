package io.flightdeck.harness.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JmhFailureLineTest {

    @Test
    void theReasonNotTheStackFramesAfterIt() {
        JmhFailureLine why = new JmhFailureLine();
        why.accept("# JMH version: 1.37");
        why.accept("ERROR: org.openjdk.jmh.runner.RunnerException: ERROR: Another JMH instance might be running.");
        why.accept("\tat org.openjdk.jmh.runner.Runner.run(Runner.java:210)");
        why.accept("\tat org.openjdk.jmh.Main.main(Main.java:71)");
        why.accept("\t... 2 more");
        why.accept("   ");

        assertThat(why.line())
                .isEqualTo("ERROR: org.openjdk.jmh.runner.RunnerException: ERROR: Another JMH instance might be running.");
    }

    @Test
    void theLastLineThatSaysSomething() {
        JmhFailureLine why = new JmhFailureLine();
        why.accept("No matching benchmarks. Miss-spelled regexp?");
        why.accept("Use EXTRA verbose mode to debug the pattern matching.");
        why.accept("");

        assertThat(why.line()).isEqualTo("Use EXTRA verbose mode to debug the pattern matching.");
    }

    @Test
    void noneWhenJmhPrintedNothing() {
        JmhFailureLine why = new JmhFailureLine();
        why.accept("");

        assertThat(why.line()).isNull();
    }
}
