package io.github.coupapoexport.foundation;

import java.time.Duration;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/** The retry both remote systems get: exponential from {@code initialDelay}, doubling, with jitter, capped. */
public final class Backoff {

    private Backoff() {
    }

    public static RetryTemplate retrying(Class<? extends Throwable> passingFailure, int maxRetries, Duration initialDelay,
            Duration maxDelay) {
        return new RetryTemplate(RetryPolicy.builder()
            .includes(passingFailure)
            .maxRetries(maxRetries)
            .delay(initialDelay)
            .multiplier(2)
            .jitter(initialDelay.dividedBy(2))
            .maxDelay(maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay)
            .build());
    }
}
