package io.github.coupapoexport.monitoring;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The time in the status field reads the same way at every second, the first of a minute too. */
class StatusFieldReporterTest {

    @Test
    void timeOnTheMinuteKeepsItsSeconds() {
        assertThat(StatusFieldReporter.statusTime(Instant.parse("2026-12-02T08:15:00.250Z")))
            .isEqualTo("2026-12-02T08:15:00Z");
    }

    @Test
    void timeIsCutToTheSecondInUtc() {
        assertThat(StatusFieldReporter.statusTime(Instant.parse("2026-12-02T08:15:42.999Z")))
            .isEqualTo("2026-12-02T08:15:42Z");
    }
}
