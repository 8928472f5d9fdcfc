package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.CheckedSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/** The {@code coupa.*} keys of the contract. */
@ConfigurationProperties("coupa")
public record CoupaProperties(
        String baseUrl,
        String clientId,
        Secret clientSecret,
        @DefaultValue({"core.purchase_order.read", "core.purchase_order.write", "core.integration.read",
                "core.integration.write"}) List<String> scopes,
        @DefaultValue("50") int pageSize,
        @DefaultValue({"issued", "canceled", "cancelled", "closed", "soft_closed"}) List<String> statuses,
        String apiFilter,
        @DefaultValue("20") double requestsPerSecond,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue Retry retry,
        @DefaultValue Monitoring monitoring) implements CheckedSettings {

    /** Backoff for passing Coupa failures (429, 5xx, timeouts): exponential from {@code initialDelay}, with jitter. */
    public record Retry(@DefaultValue("5") int maxRetries, @DefaultValue("1s") Duration initialDelay,
            @DefaultValue("30s") Duration maxDelay) {
    }

    /**
     * How the export reports each PO's outcome inside Coupa (the seed's three options).
     *
     * @param modeSetting {@code coupa.monitoring.mode} as written: bound as text, so that a value that names no
     * {@link MonitoringMode} is listed with the other problems of the settings rather than failing the binding alone
     * @param integrationCode the Coupa integration the records and runs belong to; required for history and
     * integration-run
     * @param statusField the PO header custom field written in custom-field mode
     */
    public record Monitoring(@Name("mode") @DefaultValue("integration-run") String modeSetting, String integrationCode,
            @DefaultValue("cf-integration-status") String statusField) {

        /** The mode; only called once the settings check passed, which refuses a value that names none. */
        public MonitoringMode mode() {
            return MonitoringMode.of(modeSetting).orElseThrow(() -> new IllegalStateException(
                    "coupa.monitoring.mode '" + modeSetting + "' names no monitoring mode"));
        }
    }

    public static final int MAX_PAGE_SIZE = 50;

    /** Every problem with these settings, each named by its key; empty when they are usable. */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || baseUrl.isBlank()) {
            problems.add("coupa.base-url is required (https://<instance>)");
        }
        else if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
            problems.add("coupa.base-url must start with https:// (was '" + baseUrl + "')");
        }
        if (clientId == null || clientId.isBlank()) {
            problems.add("coupa.client-id is required");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add("coupa.client-secret is required");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            problems.add("coupa.page-size must be between 1 and " + MAX_PAGE_SIZE + " (was " + pageSize + ")");
        }
        if (statuses == null || statuses.isEmpty()) {
            problems.add("coupa.statuses must name at least one PO status");
        }
        Optional<MonitoringMode> mode = MonitoringMode.of(monitoring.modeSetting());
        if (mode.isEmpty()) {
            problems.add("coupa.monitoring.mode must be one of " + MonitoringMode.settings() + " (was '"
                    + monitoring.modeSetting() + "')");
        }
        else if (mode.get().needsIntegration()
                && (monitoring.integrationCode() == null || monitoring.integrationCode().isBlank())) {
            problems.add("coupa.monitoring.integration-code is required in " + mode.get().setting()
                    + " mode: create a dedicated integration in Coupa (Setup > Integrations) and give its code");
        }
        if (mode.orElse(null) == MonitoringMode.CUSTOM_FIELD
                && (monitoring.statusField() == null || monitoring.statusField().isBlank())) {
            problems.add("coupa.monitoring.status-field is required in custom-field mode");
        }
        if (retry.maxRetries() < 0) {
            problems.add("coupa.retry.max-retries must be 0 or more (was " + retry.maxRetries() + ")");
        }
        if (requestsPerSecond <= 0) {
            problems.add("coupa.requests-per-second must be above 0 (was " + requestsPerSecond + ")");
        }
        return problems;
    }

    /** The base URL without a trailing slash, so that paths can be appended as the contract writes them. */
    public String root() {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
