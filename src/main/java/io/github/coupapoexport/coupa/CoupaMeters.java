package io.github.coupapoexport.coupa;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What Coupa's rate budget cost a run, as meters: calls by purpose, the 429s Coupa answered, and the time calls waited
 * for a slot under {@code coupa.requests-per-second}. Purposes are the fixed names the callers give (e.g.
 * {@code "mark exported"}), never a PO's id or number, so that the tags stay few.
 */
public class CoupaMeters {

    static final String CALLS = "coupa.po.export.coupa.calls";

    static final String THROTTLED = "coupa.po.export.coupa.throttled";

    static final String RATE_LIMIT_WAIT = "coupa.po.export.coupa.rate.limit.wait";

    private final MeterRegistry registry;

    private final Counter throttled;

    private final Timer rateLimitWait;

    public CoupaMeters(MeterRegistry registry) {
        this.registry = registry;
        this.throttled = Counter.builder(THROTTLED)
            .description("Coupa calls answered 429 Too Many Requests")
            .register(registry);
        this.rateLimitWait = Timer.builder(RATE_LIMIT_WAIT)
            .description("Time Coupa calls waited for a slot of the client-side rate limiter")
            .register(registry);
    }

    void called(String purpose) {
        Counter.builder(CALLS)
            .description("Calls to Coupa's API, retries included, by what they were for")
            .tag("purpose", purpose)
            .register(registry)
            .increment();
    }

    void throttled() {
        throttled.increment();
    }

    void waitedForSlot(Duration waited) {
        rateLimitWait.record(waited);
    }
}
