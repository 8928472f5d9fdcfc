package io.github.coupapoexport.settings;

import java.time.Duration;
import java.util.List;

import io.github.coupapoexport.foundation.Backoff;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How patiently a remote system is asked again after a passing failure ({@code coupa.retry.*}, {@code erp.retry.*}):
 * exponential from {@code initial-delay}, doubling, with jitter, capped at {@code max-delay}.
 *
 * @param maxRetries how many times a failed call is tried again (Coupa 5, the ERP 4 unless set)
 * @param initialDelay the wait before the first retry; each next one doubles, with jitter
 * @param maxDelay the longest wait between two attempts
 */
public record RetrySettings(Integer maxRetries, @DefaultValue("1s") Duration initialDelay,
        @DefaultValue("30s") Duration maxDelay) {

    /** The same settings, with {@code defaultMaxRetries} where none was set: each system has a default of its own. */
    public RetrySettings orMaxRetries(int defaultMaxRetries) {
        return maxRetries != null ? this : new RetrySettings(defaultMaxRetries, initialDelay, maxDelay);
    }

    /** @param prefix the key these settings are bound under, e.g. {@code coupa.retry} */
    public List<String> problems(String prefix) {
        return maxRetries != null && maxRetries < 0
                ? List.of(prefix + ".max-retries must be 0 or more (was " + maxRetries + ")")
                : List.of();
    }

    /** The retries these settings ask for, of the failures of type {@code passingFailure}. */
    public Backoff backoff(Class<? extends Throwable> passingFailure) {
        return Backoff.retrying(passingFailure, maxRetries, initialDelay, maxDelay);
    }
}
