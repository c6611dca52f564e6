package io.flightdeck.child;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultConsumerTest {

    @Test
    void valuesEscapeNowAndThenSoTheCompilerMustComputeThem() {
        ResultConsumer consumer = new ResultConsumer(1);
        assertThat(consumer.escapedAny()).isFalse();
        for (int i = 0; i < 1_000; i++) {
            consumer.consume(i);
        }
        assertThat(consumer.escapedAny()).isTrue();
    }

    @Test
    void nullsAreConsumedToo() {
        ResultConsumer consumer = new ResultConsumer(7);
        for (int i = 0; i < 1_000; i++) {
            consumer.consume(null);
        }
        assertThat(consumer.escapedAny()).isTrue();
    }
}
