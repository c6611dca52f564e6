package io.flightdeck.harness.check;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "850ns    | 850           | DURATION",
            "23us     | 23000         | DURATION",
            "23µs     | 23000         | DURATION",
            "23μs     | 23000         | DURATION",   // Greek mu, as some keyboards type it
            "50ms     | 50000000      | DURATION",
            "1.5s     | 1500000000    | DURATION",
            "1.5 s    | 1500000000    | DURATION",
            "0.5ms    | 500000        | DURATION",
            "100/s    | 100           | RATE",
            "1172.5/s | 1172.5        | RATE",
            "512B     | 512           | BYTES",
            "2KB      | 2000          | BYTES",
            "2KiB     | 2048          | BYTES",
            "256 KiB  | 262144        | BYTES",
            "3MB      | 3000000       | BYTES",
            "3MiB     | 3145728       | BYTES",
            "1GB      | 1000000000    | BYTES",
            "1GiB     | 1073741824    | BYTES",
            "1000     | 1000          | NUMBER",
            "0        | 0             | NUMBER",
    })
    void parsesEachUnitToBaseUnits(String text, double expected, UnitKind kind) {
        Quantity quantity = Quantity.parse(text);

        assertThat(quantity.kind()).isEqualTo(kind);
        assertThat(quantity.value()).isCloseTo(expected, within(1e-6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"50 msec", "50mS", "5 kb", "5 mib", "100/min", "100 ops", "ms", "", "  ", "fast",
            "1.2.3ms", "1e3ms", "5,000ms", "50ms!", "1.ms", "NaN", "Infinity"})
    void rejectsWhatIsNotANumberWithAKnownUnit(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void namesTheUnknownUnitAndTheAcceptedOnes() {
        assertThatThrownBy(() -> Quantity.parse("50 msec"))
                .hasMessageContaining("unknown unit 'msec'")
                .hasMessageContaining("ms")
                .hasMessageContaining("KiB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-5ms", "-1", " -3/s"})
    void rejectsNegativeText(String text) {
        assertThatThrownBy(() -> Quantity.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void rejectsNegativeAndNonFinitePlainNumbers() {
        assertThatThrownBy(() -> Quantity.plain(-5)).hasMessageContaining("negative value -5;");
        assertThatThrownBy(() -> Quantity.plain(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantity.plain(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }
}
