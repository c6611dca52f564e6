package io.flightdeck.harness.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BudgetFormatTest {

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "DURATION | 850           | 850 ns",
            "DURATION | 12.5          | 12.5 ns",
            "DURATION | 23400         | 23.4 µs",
            "DURATION | 1200000       | 1.20 ms",
            "DURATION | 45000000      | 45.0 ms",
            "DURATION | 1500000000    | 1.50 s",
            "DURATION | 999600        | 1.00 ms",     // would print as 1,000 µs
            "DURATION | 1500000000000 | 1,500 s",
            "DURATION | 0             | 0 ns",
            "RATE     | 1172.4        | 1,172/s",
            "RATE     | 12.5          | 12.5/s",
            "BYTES    | 512           | 512 B",
            "BYTES    | 12595.2       | 12.3 KiB",
            "BYTES    | 262144        | 256 KiB",
            "BYTES    | 3145728       | 3.00 MiB",
            "BYTES    | -500          | −500 B",
            "NUMBER   | 1234.4        | 1,234",
            "NUMBER   | 0.01234       | 0.0123",
    })
    void measuredValues(UnitKind unit, double value, String expected) {
        assertThat(BudgetFormat.measured(unit, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "DURATION | 50000000   | 50 ms",
            "DURATION | 1000000000 | 1 s",
            "DURATION | 1500000000 | 1.5 s",
            "DURATION | 20000      | 20 µs",
            "RATE     | 100        | 100/s",
            "BYTES    | 262144     | 256 KiB",
            "BYTES    | 1536       | 1.5 KiB",
            "NUMBER   | 40         | 40",
    })
    void limits(UnitKind unit, double value, String expected) {
        assertThat(BudgetFormat.limit(unit, value)).isEqualTo(expected);
    }

    @Test
    void targets() {
        assertThat(BudgetFormat.target(Bound.MAX, UnitKind.DURATION, 50e6)).isEqualTo("≤ 50 ms");
        assertThat(BudgetFormat.target(Bound.MIN, UnitKind.RATE, 100)).isEqualTo("≥ 100/s");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "0.1      | +10.0 %",
            "-0.2     | −20.0 %",
            "0        | +0.0 %",
            "0.12345  | +12.3 %",
            "-0.0004  | −0.0 %",
            "3.5      | +350.0 %",
    })
    void margins(double margin, String expected) {
        assertThat(BudgetFormat.margin(margin)).isEqualTo(expected);
    }

    @Test
    void notMeasuredIsADash() {
        BudgetVerdict verdict = new BudgetVerdict("w", "default", "p95", Bound.MAX, 50e6, Double.NaN,
                UnitKind.DURATION, BudgetVerdict.Status.NOT_MEASURED, Double.NaN);

        assertThat(BudgetFormat.measured(verdict)).isEqualTo("—");
        assertThat(BudgetFormat.margin(verdict)).isEqualTo("—");
        assertThat(BudgetFormat.target(verdict)).isEqualTo("≤ 50 ms");
    }
}
