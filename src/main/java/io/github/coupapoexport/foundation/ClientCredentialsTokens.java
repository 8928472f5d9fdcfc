package io.github.coupapoexport.foundation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token request of OAuth 2.0's client-credentials flow, for every system the job calls with a bearer token
 * (Coupa, SAP). Spring Security caches and renews what this returns ({@link #bearerTokens}).
 * <p>
 * It replaces Spring Security's own request client for two reasons. That one hands the form to {@link RestClient} as
 * a map, which Spring logs at DEBUG level, client secret included; here the form goes out as bytes, which RestClient
 * logs only as a type. And that one calls every failure a refusal: here only a refusal of the credentials is an
 * {@link OAuth2AuthorizationException} (exit 2); a busy or failing endpoint is the caller's passing failure, which
 * reaches its retries unchanged through Spring Security's interceptor and the RestClient.
 */
public class ClientCredentialsTokens implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

    /** How a failed token request is told to the system's own retries. */
    public interface Failures {

        /**
         * 429, 408, 5xx, a passing OAuth error, no answer, or a 2xx that is no token: worth asking again.
         *
         * @param headers the answer's headers (a 429's {@code Retry-After}), or null when none came
         */
        RuntimeException passing(String failure, URI tokenUri, int status, @Nullable HttpHeaders headers,
                @Nullable Throwable cause);

        /** Another 4xx: the request itself is wrong (a proxy, a wrong path); not a refusal, and no retry helps. */
        RuntimeException wrongRequest(String failure);
    }

    /** The OAuth errors (RFC 6749, 5.2) that say the client, its secret or its scopes are not accepted. */
    private static final Set<String> REFUSALS = Set.of("invalid_client", "unauthorized_client", "invalid_scope",
            "invalid_grant", "unsupported_grant_type");

    /** OAuth errors some servers answer while they are down for a moment. */
    private static final Set<String> PASSING = Set.of("server_error", "temporarily_unavailable");

    private static final int ANSWER_SNIPPET = 200;

    /** UAA's header that says the Basic credentials are form-encoded, as RFC 6749 (2.3.1) has them. */
    static final String ENCODED_CREDENTIALS = "X-CF-ENCODED-CREDENTIALS";

    private final RestClient restClient;

    private final Consumer<URI> beforeEachRequest;

    private final JsonMapper json;

    private final Failures failures;

    /**
     * @param beforeEachRequest run with the token URI before each request, e.g. to take a permit of a rate limiter
     * the token endpoint
     * counts against; it may throw a passing failure
     * @param json how the system's error answers are read
     */
    public ClientCredentialsTokens(RestClient restClient, Consumer<URI> beforeEachRequest, JsonMapper json,
            Failures failures) {
        this.restClient = restClient;
        this.beforeEachRequest = beforeEachRequest;
        this.json = json;
        this.failures = failures;
    }

    /** A RestClient that can send the form as bytes and read a token answer; its calls observed like the others. */
    public static RestClient tokenClient(ClientHttpRequestFactory requestFactory, ObservationRegistry observations) {
        return HttpObservations.observed(RestClient.builder(), observations)
            .requestFactory(requestFactory)
            .configureMessageConverters(converters -> converters.addCustomConverter(new ByteArrayHttpMessageConverter())
                .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
            .build();
    }

    /**
     * An interceptor that puts the client's bearer token on every request: fetched with these token requests,
     * cached, renewed {@code renewalMargin} before it expires, and dropped when the system answers 401.
     */
    public OAuth2ClientHttpRequestInterceptor bearerTokens(ClientRegistration client, Duration renewalMargin) {
        InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(client);
        OAuth2AuthorizedClientService tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
        ClientCredentialsOAuth2AuthorizedClientProvider clientCredentials =
                new ClientCredentialsOAuth2AuthorizedClientProvider();
        clientCredentials.setAccessTokenResponseClient(this);
        clientCredentials.setClockSkew(renewalMargin);
        AuthorizedClientServiceOAuth2AuthorizedClientManager manager =
                new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, tokens);
        manager.setAuthorizedClientProvider(clientCredentials);
        OAuth2ClientHttpRequestInterceptor bearerToken = new OAuth2ClientHttpRequestInterceptor(manager);
        bearerToken.setClientRegistrationIdResolver(request -> client.getRegistrationId());
        bearerToken.setAuthorizationFailureHandler(
                OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(tokens));
        return bearerToken;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2ClientCredentialsGrantRequest request) {
        ClientRegistration client = request.getClientRegistration();
        URI tokenUri = URI.create(client.getProviderDetails().getTokenUri());
        boolean basic = ClientAuthenticationMethod.CLIENT_SECRET_BASIC.equals(client.getClientAuthenticationMethod());
        String scopes = String.join(" ", client.getScopes());
        byte[] form = ("grant_type=client_credentials"
                + (basic ? "" : "&client_id=" + encode(client.getClientId())
                        + "&client_secret=" + encode(client.getClientSecret()))
                + (scopes.isEmpty() ? "" : "&scope=" + encode(scopes))).getBytes(StandardCharsets.UTF_8);
        beforeEachRequest.accept(tokenUri);
        try {
            return restClient.post()
                .uri(tokenUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .headers(headers -> {
                    if (basic) {
                        // RFC 6749, 2.3.1: the id and secret form-encoded, then Base64 (not Spring's setBasicAuth).
                        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                                (encode(client.getClientId()) + ":" + encode(client.getClientSecret()))
                                    .getBytes(StandardCharsets.UTF_8)));
                        // Cloud Foundry's UAA (SAP's XSUAA) form-decodes them only when told so; else it takes an
                        // XSUAA client id's '!' as its encoding '%21' and refuses the client. Other servers ignore it.
                        headers.set(ENCODED_CREDENTIALS, "true");
                    }
                })
                .body(form)
                .exchange((sent, response) -> {
                    int status = response.getStatusCode().value();
                    if (response.getStatusCode().is2xxSuccessful()) {
                        return token(tokenUri, status, response);
                    }
                    byte[] body = response.getBody().readAllBytes();
                    throw failure(tokenUri, status, body, response.getHeaders(), client.getClientSecret());
                });
        }
        catch (ResourceAccessException noAnswer) {
            // Timeouts and refused or cut connections. Retrying is safe: a token request changes nothing.
            throw failures.passing("POST " + tokenUri + " got no answer: " + noAnswer.getMessage(), tokenUri, 0, null,
                    noAnswer);
        }
    }

    /** A 2xx answer that is not a token (a maintenance page, say) is a passing fault, not an empty token. */
    private OAuth2AccessTokenResponse token(URI tokenUri, int status, ConvertibleClientHttpResponse response) {
        MediaType contentType = response.getHeaders().getContentType();
        OAuth2AccessTokenResponse token;
        try {
            token = response.bodyTo(OAuth2AccessTokenResponse.class);
        }
        catch (RuntimeException unreadable) {
            throw failures.passing("POST " + tokenUri + " answered HTTP " + status
                    + (contentType == null ? "" : " with Content-Type " + contentType) + ", not an access token",
                    tokenUri, status, response.getHeaders(), unreadable);
        }
        if (token == null) {
            throw failures.passing("POST " + tokenUri + " answered HTTP " + status + " without an access token",
                    tokenUri, status, response.getHeaders(), null);
        }
        return token;
    }

    private RuntimeException failure(URI tokenUri, int status, byte[] body, HttpHeaders headers, String secret) {
        // Masked before it is cut, so that no part of an echoed secret survives at the cut.
        String masked = masked(new String(body, StandardCharsets.UTF_8), secret);
        String answer = masked.isEmpty() ? "(empty body)" : Texts.clip(Texts.oneLine(masked), ANSWER_SNIPPET);
        String failure = "POST " + tokenUri + " answered HTTP " + status + ": " + answer;
        JsonNode error = error(body);
        String code = error == null ? null : text(error, "error");
        if (status == 429 || status == 408 || status >= 500 || code != null && PASSING.contains(code)) {
            return failures.passing(failure, tokenUri, status, headers, null);
        }
        if (code != null && REFUSALS.contains(code) && (status == 400 || status == 401 || status == 403)) {
            String description = text(error, "error_description");
            return new OAuth2AuthorizationException(new OAuth2Error(code, "(HTTP " + status
                    + (description == null ? "" : ": " + masked(description, secret)) + ")", null));
        }
        if (code == null && (status == 401 || status == 403)) {
            return new OAuth2AuthorizationException(new OAuth2Error("HTTP " + status, answer, null));
        }
        return failures.wrongRequest(failure);
    }

    /** The answer as a JSON object, or null when it is not one (an HTML page, an empty body). */
    private @Nullable JsonNode error(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    /** The secret hidden, also as a form (the request's own encoding) or a URL would carry it. */
    private static String masked(String text, @Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return text;
        }
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return text.replace(secret, "******").replace(encoded, "******")
            .replace(encoded.replace("+", "%20"), "******");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
