package io.github.coupapoexport.reconciliation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --since=DATE}: the forms it takes, the default window, and a clear problem for anything else. */
class SinceTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-02T13:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDateIsItsStartInUtc() {
        assertThat(Since.of("2026-11-01", NOW)).isEqualTo(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
    }

    @Test
    void aDateTimeKeepsItsOffsetAndOneWithoutIsUtc() {
        assertThat(Since.of("2026-11-01T06:00:00-08:00", NOW)).isEqualTo(
                OffsetDateTime.parse("2026-11-01T06:00:00-08:00"));
        assertThat(Since.of("2026-11-01T06:00", NOW)).isEqualTo(OffsetDateTime.parse("2026-11-01T06:00:00Z"));
    }

    @Test
    void withoutTheOptionItIsThirtyDaysBack() {
        assertThat(Since.of(null, NOW)).isEqualTo(OffsetDateTime.parse("2026-11-02T13:00:00Z"));
    }

    @Test
    void anythingElseIsAProblemThatShowsTheForms() {
        assertThat(Since.problem("yesterday")).isEqualTo("--since must be an ISO date or date-time, as in "
                + "--since=2026-11-01 or --since=2026-11-01T06:00:00Z");
        assertThat(Since.problem("2026-13-01")).startsWith("--since must be");
        assertThat(Since.problem("2026-11-01")).isNull();
        assertThatThrownBy(() -> Since.of("01.11.2026", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
