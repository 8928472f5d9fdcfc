package io.github.coupapoexport.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The value of {@code baseline --before=DATE}: an ISO date ({@code 2026-01-01}, the start of that day in UTC, as Coupa
 * reads a date without time or zone) or an ISO date-time with its offset ({@code 2026-01-01T00:00:00+01:00}). A
 * date-time without an offset is refused: which day it meant would depend on the machine's zone.
 */
final class BaselineDate {

    static final String FORMS = "an ISO date such as 2026-01-01 (the start of that day in UTC) or an ISO date-time "
            + "with its offset such as 2026-01-01T00:00:00+01:00";

    private BaselineDate() {
    }

    static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.strip();
        try {
            return Optional.of(LocalDate.parse(trimmed).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        catch (DateTimeParseException notADate) {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed).toInstant());
            }
            catch (DateTimeParseException notADateTime) {
                return Optional.empty();
            }
        }
    }
}
