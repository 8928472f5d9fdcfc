package io.github.coupapoexport.coupa;

import java.net.URI;
import java.time.Duration;

import io.github.coupapoexport.foundation.RetryAfter;
import org.springframework.http.HttpHeaders;

/** A Coupa answer worth another try: 429, a 5xx, a timeout, a cut connection, a page that came back broken. */
public class TransientCoupaFailure extends CoupaCallException implements RetryAfter.Carrier {

    /** Coupa's own advice on a 429 is followed, up to this long per answer. */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    private final RetryAfter retryAfter;

    public TransientCoupaFailure(String message, Throwable cause) {
        this(message, cause, null);
    }

    private TransientCoupaFailure(String message, Throwable cause, RetryAfter retryAfter) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    /** A 429: the retries wait as its {@code Retry-After} (seconds or an HTTP date) asks, before their own backoff. */
    static TransientCoupaFailure tooManyRequests(String message, URI uri, HttpHeaders headers) {
        return new TransientCoupaFailure(message, null, RetryAfter.of(headers.getFirst(HttpHeaders.RETRY_AFTER),
                MAX_RETRY_AFTER, "Coupa answered 429 for " + uri.getPath()));
    }

    @Override
    public RetryAfter retryAfter() {
        return retryAfter;
    }
}
