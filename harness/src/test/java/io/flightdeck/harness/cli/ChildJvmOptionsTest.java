package io.flightdeck.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** --jvm-args is split as a shell splits words. */
class ChildJvmOptionsTest {

    @Test
    void blanksSplitAndQuotesKeepTogether() {
        assertThat(ChildJvmOptions.tokens("-Xss2m   -XX:+UseCompressedOops\t-Dk=v"))
                .containsExactly("-Xss2m", "-XX:+UseCompressedOops", "-Dk=v");
        assertThat(ChildJvmOptions.tokens("-Dname=\"a b\" '-Dother=c  d' -Dq='x y'z"))
                .containsExactly("-Dname=a b", "-Dother=c  d", "-Dq=x yz");
        assertThat(ChildJvmOptions.tokens("-Dempty='' -Dx"))
                .containsExactly("-Dempty=", "-Dx");
    }

    @Test
    void unbalancedQuotesAreAUsageError() {
        assertThatThrownBy(() -> ChildJvmOptions.tokens("-Dx='open")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--jvm-args", "unbalanced quotes");
    }

    @Test
    void nothingGivenIsNoFlags() {
        assertThat(ChildJvmOptions.tokens(null)).isEmpty();
        assertThat(ChildJvmOptions.tokens("   ")).isEmpty();
    }
}
