package io.github.coupapoexport.foundation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How long a server asked to be left alone ({@code Retry-After} on a 429), capped: {@link Backoff} waits it before the
 * next attempt, on top of its own delay.
 *
 * @param delay how long to wait, capped
 * @param askedBy who asked, as the log line that tells the wait names it
 */
public record RetryAfter(Duration delay, String askedBy) {

    /** A passing failure that may carry a server's advice. */
    public interface Carrier {

        /** @return the advice, or null when the server gave none */
        RetryAfter retryAfter();
    }

    /**
     * @param header the header's value: seconds or an HTTP date
     * @param cap the longest wait followed, whatever the server asked
     * @return the advice, or null when the header is missing, unreadable or not in the future
     */
    public static RetryAfter of(String header, Duration cap, String askedBy) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Duration wait;
        try {
            wait = Duration.ofSeconds(Long.parseLong(header.strip()));
        }
        catch (NumberFormatException notSeconds) {
            try {
                wait = Duration.between(Instant.now(),
                        ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME));
            }
            catch (DateTimeParseException unreadable) {
                return null;
            }
        }
        if (wait.isNegative() || wait.isZero()) {
            return null;
        }
        return new RetryAfter(wait.compareTo(cap) > 0 ? cap : wait, askedBy);
    }
}
