package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.Endpoint;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * The {@code coupa.*} keys of the contract.
 *
 * @param baseUrl the Coupa instance, {@code https://<instance>.coupahost.com}
 * @param clientId the OAuth 2.0 client-credentials client (Setup > Integrations > OAuth2/OpenID Connect Clients)
 * @param clientSecret that client's secret
 * @param scopes the scopes the token is asked for
 * @param pageSize POs per page and per chunk, 1..50
 * @param statuses the PO statuses selected ({@code status[in]})
 * @param apiFilter a named Coupa API response filter, sent as {@code filter=}
 * @param requestsPerSecond the client-side ceiling on all Coupa calls together, evenly spaced (Coupa allows 25/s)
 * @param connectTimeout how long a Coupa call waits for a connection
 * @param readTimeout how long a Coupa call waits for its answer
 * @param retry the backoff for 429, 5xx, timeouts, cut connections and broken pages (5 retries unless set)
 * @param monitoring how each PO's outcome is reported inside Coupa
 */
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
        @DefaultValue @NestedConfigurationProperty RetrySettings retry,
        @DefaultValue Monitoring monitoring) implements CheckedSettings, Endpoint {

    /** Coupa's own number of retries (the ERP's is 4), where {@code coupa.retry.max-retries} is not set. */
    static final int DEFAULT_MAX_RETRIES = 5;

    public CoupaProperties {
        retry = retry.orMaxRetries(DEFAULT_MAX_RETRIES);
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

    @Override
    public SettingsArea area() {
        return SettingsArea.COUPA;
    }

    /** Every problem with these settings, each named by its key; empty when they are usable. */
    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(baseUrlProblems("coupa", " (https://<instance>)", "https://"));
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
        problems.addAll(retry.problems("coupa.retry"));
        if (requestsPerSecond <= 0) {
            problems.add("coupa.requests-per-second must be above 0 (was " + requestsPerSecond + ")");
        }
        return problems;
    }
}
