package io.github.coupapoexport.settings;

import java.time.Duration;
import java.util.List;

/**
 * Where a remote system is and how to reach it, the same keys under {@code coupa.*} and {@code erp.*}:
 * {@code base-url}, {@code connect-timeout}, {@code read-timeout} and {@code retry.*}. An interface the settings
 * records share rather than a record they nest, because the contract names these keys flat
 * ({@code coupa.base-url}, not {@code coupa.endpoint.base-url}).
 */
public interface Endpoint {

    String baseUrl();

    Duration connectTimeout();

    Duration readTimeout();

    RetrySettings retry();

    /** The base URL without a trailing slash, so that paths can be appended as the contract writes them. */
    default String root() {
        return baseUrl().endsWith("/") ? baseUrl().substring(0, baseUrl().length() - 1) : baseUrl();
    }

    /**
     * What is wrong with the base URL, named by its key; http:// is taken besides https:// (a proxy, a test).
     *
     * @param prefix the key of these settings, e.g. {@code coupa}
     * @param whenMissing what the message adds when no base URL is set, e.g. {@code " (https://<instance>)"}
     * @param schemes the schemes the message asks for, e.g. {@code "https://"}
     */
    default List<String> baseUrlProblems(String prefix, String whenMissing, String schemes) {
        if (baseUrl() == null || baseUrl().isBlank()) {
            return List.of(prefix + ".base-url is required" + whenMissing);
        }
        if (!baseUrl().startsWith("https://") && !baseUrl().startsWith("http://")) {
            return List.of(prefix + ".base-url must start with " + schemes + " (was '" + baseUrl() + "')");
        }
        return List.of();
    }
}
