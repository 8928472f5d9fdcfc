package io.github.coupapoexport.reconciliation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * From when {@code reconcile} compares: {@code --since=DATE}, an ISO date (its start, UTC), a date-time with an
 * offset, or one without (UTC); without the option, {@link #DEFAULT_WINDOW} back. A scheduler running it daily
 * compares the last month each time, so a difference stays listed until it is settled.
 */
public final class Since {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

    /** How the option is written, for a usage line and a problem. */
    public static final String FORMS = "--since=2026-11-01 or --since=2026-11-01T06:00:00Z";

    private Since() {
    }

    /** The option's value as a time; null or blank is the default window back from now. */
    public static OffsetDateTime of(String value, Clock clock) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(DEFAULT_WINDOW);
        }
        String trimmed = value.strip();
        try {
            if (trimmed.length() == "2026-11-01".length()) {
                return LocalDate.parse(trimmed).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
            try {
                return OffsetDateTime.parse(trimmed);
            }
            catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(trimmed).atOffset(ZoneOffset.UTC);
            }
        }
        catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("--since must be an ISO date or date-time, as in " + FORMS, ex);
        }
    }

    /** The problem with the option's value, or null when it is a date or date-time. */
    public static String problem(String value) {
        try {
            of(value, Clock.systemUTC());
            return null;
        }
        catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
    }
}
