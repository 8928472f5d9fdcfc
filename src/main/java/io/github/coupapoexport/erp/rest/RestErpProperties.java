package io.github.coupapoexport.erp.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.CheckedSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code erp.*} keys of the REST adapter: where its endpoint is, how to authenticate, how patiently to retry. */
@ConfigurationProperties("erp")
public record RestErpProperties(
        String baseUrl,
        Secret bearerToken,
        String username,
        Secret password,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue Retry retry) implements CheckedSettings {

    /** Backoff for transient ERP answers: exponential from {@code initialDelay}, with jitter, capped. */
    public record Retry(@DefaultValue("4") int maxRetries, @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("30s") Duration maxDelay) {
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            problems.add("erp.base-url is required");
        }
        else if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            problems.add("erp.base-url must start with https:// or http:// (was '" + baseUrl + "')");
        }
        boolean bearer = bearerToken != null && !bearerToken.isBlank();
        boolean basic = username != null && !username.isBlank();
        if (bearer && basic) {
            problems.add("set either erp.bearer-token or erp.username and erp.password, not both");
        }
        if (basic && (password == null || password.isBlank())) {
            problems.add("erp.password is required with erp.username");
        }
        if (retry.maxRetries() < 0) {
            problems.add("erp.retry.max-retries must be 0 or more (was " + retry.maxRetries() + ")");
        }
        return problems;
    }

    public String root() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
