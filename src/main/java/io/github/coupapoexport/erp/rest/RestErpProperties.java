package io.github.coupapoexport.erp.rest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.Endpoint;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code erp.*} keys of the REST adapter: where its endpoint is, how to authenticate, how patiently to retry.
 *
 * @param baseUrl the base URL of the ERP's REST endpoint
 * @param bearerToken a bearer token for the ERP, if it takes one (not with a username)
 * @param username the ERP user, if it takes basic credentials
 * @param password that user's password
 * @param connectTimeout how long an ERP call waits for a connection
 * @param readTimeout how long an ERP call waits for its answer
 * @param retry the backoff for 408, 429, 5xx, timeouts and refused connections (4 retries unless set)
 * @param lookupPath where the ERP answers what it holds of one PO ({@code GET}, below the base URL, naming the PO by
 * {@code {coupaId}} or {@code {poNumber}}), for {@code reconcile}; unset, the ERP is not read. Not in the contract.
 */
@ConfigurationProperties("erp")
public record RestErpProperties(
        String baseUrl,
        Secret bearerToken,
        String username,
        Secret password,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration readTimeout,
        @DefaultValue @NestedConfigurationProperty RetrySettings retry,
        String lookupPath) implements CheckedSettings, Endpoint {

    /** The ERP's own number of retries (Coupa's is 5), where {@code erp.retry.max-retries} is not set. */
    static final int DEFAULT_MAX_RETRIES = 4;

    public RestErpProperties {
        retry = retry.orMaxRetries(DEFAULT_MAX_RETRIES);
    }

    @Override
    public SettingsArea area() {
        return SettingsArea.ERP;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>(baseUrlProblems("erp", "", "https:// or http://"));
        boolean bearer = bearerToken != null && !bearerToken.isBlank();
        boolean basic = username != null && !username.isBlank();
        if (bearer && basic) {
            problems.add("set either erp.bearer-token or erp.username and erp.password, not both");
        }
        if (basic && (password == null || password.isBlank())) {
            problems.add("erp.password is required with erp.username");
        }
        problems.addAll(retry.problems("erp.retry"));
        if (lookupPath != null && !lookupPath.isBlank()
                && (!lookupPath.startsWith("/") || !lookupPath.contains("{coupaId}") && !lookupPath.contains("{poNumber}"))) {
            problems.add("erp.lookup-path must start with / and name the PO by {coupaId} or {poNumber}, e.g. "
                    + "/purchase-orders/{coupaId}");
        }
        return problems;
    }
}
