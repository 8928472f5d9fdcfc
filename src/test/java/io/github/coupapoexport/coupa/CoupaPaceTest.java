package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 429 slows every Coupa call down, not only the refused one, because the instance's budget is shared with the
 * other integrations on it; the job comes back to its configured rate step by step once Coupa stops refusing.
 */
class CoupaPaceTest {

    /** Eight request slots for the whole test, none refilled, none waited for: the slots a call takes show. */
    private final RateLimiter slots = RateLimiter.of("coupa", RateLimiterConfig.custom()
        .limitForPeriod(8)
        .limitRefreshPeriod(Duration.ofHours(1))
        .timeoutDuration(Duration.ZERO)
        .build());

    private final MovableClock clock = new MovableClock();

    private final CoupaPace pace = new CoupaPace(slots, 20, clock);

    @Test
    void everyCallTakesOneSlotAtTheConfiguredRate() {
        // when
        boolean turn = pace.awaitTurn();

        // then
        assertThat(turn).isTrue();
        assertThat(slots.getMetrics().getAvailablePermissions()).isEqualTo(7);
        assertThat(pace.rate()).isEqualTo(20.0);
    }

    @Test
    void a429HalvesTheRateOfEveryCallAndACrowdOf429sCountsOnce() {
        // when several calls in flight are refused at once
        pace.tooManyRequests();
        clock.advance(Duration.ofMillis(300));
        pace.tooManyRequests();
        pace.tooManyRequests();

        // then every call now takes two slots: half the rate, once
        assertThat(pace.rate()).isEqualTo(10.0);
        pace.awaitTurn();
        assertThat(slots.getMetrics().getAvailablePermissions()).isEqualTo(6);
    }

    @Test
    void another429OnceSlowedHalvesAgainButNeverBelowAQuarter() {
        // when
        for (int refusal = 0; refusal < 4; refusal++) {
            pace.tooManyRequests();
            clock.advance(CoupaPace.SAME_CROWD);
        }

        // then
        assertThat(pace.rate()).isEqualTo(5.0);
    }

    @Test
    void a429StormThatNeverPausesForTheLengthOfACrowdStillSlowsDownToAQuarter() {
        // when Coupa keeps refusing, a 429 every 1.5 s for 6 s: each within SAME_CROWD of the one before, but the
        // later ones long after the first slow-down
        for (int refusal = 0; refusal < 5; refusal++) {
            pace.tooManyRequests();
            clock.advance(Duration.ofMillis(1500));
        }

        // then the crowd of the first slow-down is over, and the refusals that followed it slowed down once more
        assertThat(pace.rate()).isEqualTo(5.0);
    }

    @Test
    void withoutA429TheRateComesBackOneStepAtATime() {
        // given a quarter of the rate
        pace.tooManyRequests();
        clock.advance(CoupaPace.SAME_CROWD);
        pace.tooManyRequests();
        assertThat(pace.rate()).isEqualTo(5.0);

        // when / then
        clock.advance(CoupaPace.STEP_BACK.minusSeconds(1));
        assertThat(pace.rate()).isEqualTo(5.0);
        clock.advance(Duration.ofSeconds(1));
        assertThat(pace.rate()).isEqualTo(10.0);
        clock.advance(CoupaPace.STEP_BACK);
        assertThat(pace.rate()).isEqualTo(20.0);
        clock.advance(CoupaPace.STEP_BACK.multipliedBy(10));
        assertThat(pace.rate()).isEqualTo(20.0);
    }

    @Test
    void a429WhileComingBackSlowsDownAgainAndRestartsTheWait() {
        // given half the rate, nearly back
        pace.tooManyRequests();
        clock.advance(CoupaPace.STEP_BACK.minusSeconds(1));

        // when
        pace.tooManyRequests();
        clock.advance(Duration.ofSeconds(2));

        // then a quarter, and the wait for the next step starts from this 429
        assertThat(pace.rate()).isEqualTo(5.0);
        clock.advance(CoupaPace.STEP_BACK.minusSeconds(3));
        assertThat(pace.rate()).isEqualTo(5.0);
    }

    @Test
    void theConfiguredLimiterGivesASlowedCallItsTwoSlots() {
        // given the limiter of coupa.requests-per-second: one slot per period, so two slots span two periods
        CoupaPace configured = CoupaPace.of(1000);
        configured.tooManyRequests();

        // when / then
        assertThat(configured.awaitTurn()).isTrue();
        assertThat(configured.awaitTurn()).isTrue();
    }

    private static final class MovableClock implements InstantSource {

        private Instant now = Instant.parse("2026-12-02T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }
    }
}
