package io.github.coupapoexport.foundation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The retries both remote systems get: the server's Retry-After is waited, and giving up hands on the last failure. */
class BackoffTest {

    private final Backoff backoff = Backoff.retrying(Passing.class, 2, Duration.ofMillis(5), Duration.ofMillis(20));

    @Test
    void failureCarryingRetryAfterWaitsAsTheServerAskedBeforeTheNextAttempt() {
        // given a first attempt that the server answers "come back in 300 ms"
        List<Long> attemptsAt = new ArrayList<>();

        // when
        String result = backoff.run(() -> {
            attemptsAt.add(System.nanoTime());
            if (attemptsAt.size() == 1) {
                throw new Passing(new RetryAfter(Duration.ofMillis(300), "the server answered 429"));
            }
            return "answer";
        }, (last, attempts) -> "gave up");

        // then
        assertThat(result).isEqualTo("answer");
        assertThat(Duration.ofNanos(attemptsAt.get(1) - attemptsAt.get(0)))
            .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void passingFailureIsTriedAgainUntilTheRetriesAreSpentThenGivenUpWithTheLastFailure() {
        // given
        List<Passing> failures = new ArrayList<>();

        // when
        String result = backoff.run(() -> {
            Passing failure = new Passing(null);
            failures.add(failure);
            throw failure;
        }, (last, attempts) -> attempts + " attempts, last the " + (failures.indexOf(last) + 1) + ". failure");

        // then the first attempt and two retries
        assertThat(result).isEqualTo("3 attempts, last the 3. failure");
    }

    @Test
    void lastingFailureIsGivenUpAtOnce() {
        // given
        IllegalStateException lasting = new IllegalStateException("refused");

        // when
        Object result = backoff.run(() -> {
            throw lasting;
        }, (last, attempts) -> List.of(last, attempts));

        // then
        assertThat(result).isEqualTo(List.of(lasting, 1));
    }

    /** A passing failure that may carry the server's advice. */
    private static final class Passing extends RuntimeException implements RetryAfter.Carrier {

        private final RetryAfter retryAfter;

        Passing(RetryAfter retryAfter) {
            super("passing");
            this.retryAfter = retryAfter;
        }

        @Override
        public RetryAfter retryAfter() {
            return retryAfter;
        }
    }
}
