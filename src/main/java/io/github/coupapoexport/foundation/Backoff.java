package io.github.coupapoexport.foundation;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The retry both remote systems get: exponential from {@code initialDelay}, doubling, with jitter, capped. A failure
 * that carries a server's {@link RetryAfter} waits that long before the exponential delay, as the server asked.
 * Giving up (retries spent, or a failure that is not passing) is handed to the caller with the last failure, the one
 * way both systems learn what became of a call.
 */
public final class Backoff {

    private static final Logger log = LoggerFactory.getLogger(Backoff.class);

    /** Which failures are passing; its own delays are never used (each call's {@link Call} waits instead). */
    private final RetryPolicy passing;

    /** Configured here once and never changed: each call waits through an execution of its own. */
    private final ExponentialBackOff exponential;

    private Backoff(Class<? extends Throwable> passingFailure, int maxRetries, Duration initialDelay,
            Duration maxDelay) {
        this.passing = RetryPolicy.builder().includes(passingFailure).build();
        this.exponential = new ExponentialBackOff(initialDelay.toMillis(), 2);
        this.exponential.setJitter(initialDelay.dividedBy(2).toMillis());
        this.exponential.setMaxInterval((maxDelay.compareTo(initialDelay) < 0 ? initialDelay : maxDelay).toMillis());
        this.exponential.setMaxAttempts(maxRetries);
    }

    public static Backoff retrying(Class<? extends Throwable> passingFailure, int maxRetries, Duration initialDelay,
            Duration maxDelay) {
        return new Backoff(passingFailure, maxRetries, initialDelay, maxDelay);
    }

    /** What giving up means to the caller. */
    @FunctionalInterface
    public interface GiveUp<T> {

        /**
         * @param lastFailure the failure of the last attempt
         * @param attempts how many attempts were made, the first included
         */
        T after(Throwable lastFailure, int attempts);
    }

    /** Runs {@code attempt} until it succeeds, or until the retries are spent or it fails for a lasting reason. */
    public <T> T run(Supplier<T> attempt, GiveUp<T> giveUp) {
        try {
            return new RetryTemplate(new Call()).execute(attempt::get);
        }
        catch (RetryException exhausted) {
            return giveUp.after(exhausted.getCause() == null ? exhausted : exhausted.getCause(),
                    exhausted.getRetryCount() + 1);
        }
    }

    /**
     * One call's retries. The template asks the policy about each failure just before it waits, so the policy keeps
     * that failure for the wait to follow its advice; a call of its own, so that concurrent calls never see each
     * other's failures.
     */
    private final class Call implements RetryPolicy, BackOff {

        private Throwable retried;

        @Override
        public boolean shouldRetry(Throwable failure) {
            retried = failure;
            return passing.shouldRetry(failure);
        }

        @Override
        public BackOff getBackOff() {
            return this;
        }

        @Override
        public BackOffExecution start() {
            BackOffExecution delays = exponential.start();
            return () -> {
                long delay = delays.nextBackOff();
                return delay == BackOffExecution.STOP ? delay : advisedWait(retried) + delay;
            };
        }
    }

    private static long advisedWait(Throwable failure) {
        if (!(failure instanceof RetryAfter.Carrier carrier) || carrier.retryAfter() == null) {
            return 0;
        }
        RetryAfter advice = carrier.retryAfter();
        log.info("{}; waiting {} s as its Retry-After asks", advice.askedBy(), advice.delay().toSeconds());
        return advice.delay().toMillis();
    }
}
