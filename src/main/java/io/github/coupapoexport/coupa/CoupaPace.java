package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one pace of every Coupa call, token requests included: a request every 1/{@code coupa.requests-per-second}
 * seconds, evenly spaced, and after a 429 slower for a while. A Coupa instance's budget is shared by every
 * integration on it, so a 429 says that others are using it too: the whole job slows down (half the rate, a quarter
 * after another 429), not only the call that was refused, and comes back one step every {@link #STEP_BACK} without
 * a 429. The refused call itself still waits as Coupa's {@code Retry-After} asks.
 */
public final class CoupaPace {

    /** How long the job stays at a slower rate before it tries one step faster again. */
    static final Duration STEP_BACK = Duration.ofSeconds(30);

    /** 429s within this time of a slow-down belong to the same crowd of calls in flight: one step down, not one each. */
    static final Duration SAME_CROWD = Duration.ofSeconds(2);

    /** At most a quarter of the configured rate: slower, and Coupa's own refusals and backoff take over. */
    static final int SLOWEST = 4;

    private static final Logger log = LoggerFactory.getLogger(CoupaPace.class);

    private final RateLimiter slots;

    private final double requestsPerSecond;

    private final InstantSource clock;

    /** Request slots each call takes: 1 at the configured rate, 2 at half of it, {@link #SLOWEST} at the slowest. */
    private int slotsPerCall = 1;

    /** The last slow-down or 429: the wait for the next step back starts from it. */
    private Instant lastChange = Instant.MIN;

    /** The last slow-down: the crowd of 429s it counted for ends {@link #SAME_CROWD} after it, however many follow. */
    private Instant lastSlowDown = Instant.MIN;

    /** @param slots one request slot every 1/{@code requestsPerSecond} seconds, no bursts on top of Coupa's own */
    CoupaPace(RateLimiter slots, double requestsPerSecond, InstantSource clock) {
        this.slots = slots;
        this.requestsPerSecond = requestsPerSecond;
        this.clock = clock;
    }

    /** The pace of {@code coupa.requests-per-second}: a request every 1/rps seconds, evenly spaced. */
    static CoupaPace of(double requestsPerSecond) {
        return new CoupaPace(RateLimiter.of("coupa", RateLimiterConfig.custom()
            .limitForPeriod(1)
            .limitRefreshPeriod(Duration.ofNanos((long) (1_000_000_000L / requestsPerSecond)))
            .timeoutDuration(Duration.ofMinutes(5))
            .build()), requestsPerSecond, InstantSource.system());
    }

    /** Waits for this call's turn; false only when none came within minutes. */
    boolean awaitTurn() {
        return slots.acquirePermission(slotsPerCall());
    }

    /** Coupa answered 429: every call slows down one step, unless this 429 is one of a crowd already counted. */
    synchronized void tooManyRequests() {
        Instant now = clock.instant();
        lastChange = now;
        if (slotsPerCall == SLOWEST || now.isBefore(lastSlowDown.plus(SAME_CROWD))) {
            return;
        }
        slotsPerCall *= 2;
        lastSlowDown = now;
        log.warn("Coupa answered 429: every Coupa call slows down to {}/s for at least {} s (its budget is shared "
                + "with the other integrations of the instance)", requestsPerSecond / slotsPerCall,
                STEP_BACK.toSeconds());
    }

    /** The request slots the next call takes; one step faster for every {@link #STEP_BACK} without a 429. */
    synchronized int slotsPerCall() {
        Instant now = clock.instant();
        while (slotsPerCall > 1 && !now.isBefore(lastChange.plus(STEP_BACK))) {
            slotsPerCall /= 2;
            lastChange = lastChange.plus(STEP_BACK);
            log.info("No 429 from Coupa for {} s: back to {}/s", STEP_BACK.toSeconds(), requestsPerSecond / slotsPerCall);
        }
        return slotsPerCall;
    }

    /** The rate every call is held to now, in requests per second. */
    synchronized double rate() {
        return requestsPerSecond / slotsPerCall();
    }
}
