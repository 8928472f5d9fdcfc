package io.github.coupapoexport.erp.sap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.foundation.Secret;
import org.jspecify.annotations.Nullable;

/**
 * The {@code erp.sap.oauth2.*} keys: OAuth 2.0 client credentials instead of a communication user's password, as SAP
 * S/4HANA Cloud's communication arrangements and SAP BTP destinations offer. Set, the adapter sends a bearer token
 * fetched from the token URI (cached and renewed, as for Coupa) instead of Basic credentials.
 *
 * @param tokenUri the token endpoint, e.g. {@code https://<subdomain>.authentication.<region>.hana.ondemand.com/oauth/token}
 * @param clientId the OAuth client's id
 * @param clientSecret its secret
 * @param scopes the scopes to ask for, if the token endpoint needs any
 * @param clientAuthentication {@code basic}: the client's id and secret in the token request's Authorization header
 * (what SAP's token service expects by default); {@code post}: as form fields
 */
public record SapOAuth2(
        @Nullable String tokenUri,
        @Nullable String clientId,
        @Nullable Secret clientSecret,
        @Nullable List<String> scopes,
        @Nullable String clientAuthentication) {

    static final String BASIC = "basic";

    static final String POST = "post";

    private static final String PREFIX = "erp.sap.oauth2.";

    public SapOAuth2 {
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        clientAuthentication = clientAuthentication == null || clientAuthentication.isBlank() ? BASIC
                : clientAuthentication;
    }

    /** No OAuth 2.0: Basic credentials ({@code erp.sap.username} and {@code password}). */
    static SapOAuth2 none() {
        return new SapOAuth2(null, null, null, null, null);
    }

    /** Whether the adapter is to use OAuth 2.0: any of its keys is set. */
    boolean configured() {
        return present(tokenUri) || present(clientId) || clientSecret != null && !clientSecret.isBlank();
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!present(tokenUri)) {
            problems.add(PREFIX + "token-uri is required with OAuth 2.0 (the token endpoint of SAP's token service)");
        }
        else if (!tokenUri.startsWith("https://") && !tokenUri.startsWith("http://") || !hasHost(tokenUri)) {
            problems.add(PREFIX + "token-uri must be an https:// URL (was '" + tokenUri + "')");
        }
        if (!present(clientId)) {
            problems.add(PREFIX + "client-id is required with OAuth 2.0");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            problems.add(PREFIX + "client-secret is required with OAuth 2.0");
        }
        if (!BASIC.equals(clientAuthentication) && !POST.equals(clientAuthentication)) {
            problems.add(PREFIX + "client-authentication must be basic or post (was '" + clientAuthentication + "')");
        }
        return problems;
    }

    private static boolean hasHost(String uri) {
        try {
            return URI.create(uri).getHost() != null;
        }
        catch (IllegalArgumentException ex) {
            return false;
        }
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
