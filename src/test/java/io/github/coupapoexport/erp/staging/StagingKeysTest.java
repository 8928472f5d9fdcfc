package io.github.coupapoexport.erp.staging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How a key is stored, and which stored keys are attempts of it. */
class StagingKeysTest {

    @Test
    void aKeyThatFitsIsStoredAsItIsAndALongerOneAsItsDigestLeavingRoomForAnAttempt() {
        // given
        StagingKeys keys = new StagingKeys(40);

        // then
        assertThat(keys.base("coupa-1-1-2026")).isEqualTo("coupa-1-1-2026");
        assertThat(keys.base("k".repeat(35))).startsWith("sha256-").hasSize(34).isEqualTo(keys.base("k".repeat(35)));
        assertThat(StagingKeys.attempt("coupa-1-1", 1)).isEqualTo("coupa-1-1");
        assertThat(StagingKeys.attempt("coupa-1-1", 3)).isEqualTo("coupa-1-1#3");
    }

    @Test
    void onlyTheKeyAndItsNumberedAttemptsAreAttemptsOfIt() {
        // then
        assertThat(StagingKeys.attemptOf("coupa-1-1", "coupa-1-1")).isEqualTo(1);
        assertThat(StagingKeys.attemptOf("coupa-1-1#12", "coupa-1-1")).isEqualTo(12);
        assertThat(StagingKeys.attemptOf("coupa-1-10", "coupa-1-1")).isZero();
        assertThat(StagingKeys.attemptOf("COUPA-1-1#2", "coupa-1-1")).isZero();
        assertThat(StagingKeys.attemptOf("coupa-1-1#x", "coupa-1-1")).isZero();
        assertThat(StagingKeys.laterAttempts("a_b%c!d")).isEqualTo("a!_b!%c!!d#%");
    }
}
