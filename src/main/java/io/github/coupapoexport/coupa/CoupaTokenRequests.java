package io.github.coupapoexport.coupa;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import io.github.resilience4j.ratelimiter.RateLimiter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The token request of Coupa's client-credentials flow: {@code POST /oauth2/token} with the client id and secret as
 * form fields, as Coupa documents it. Spring Security caches and renews what this returns.
 * <p>
 * It replaces Spring Security's own request client for two reasons. That one hands the form to {@link RestClient} as
 * a map, which Spring logs at DEBUG level, client secret included; here the form goes out as bytes, which RestClient
 * logs only as a type. And that one calls every failure a refusal: here only a refusal of the credentials is an
 * {@link OAuth2AuthorizationException} (exit 2); a busy or failing endpoint is a {@link TransientCoupaFailure}, which
 * reaches {@link CoupaApi}'s retries unchanged through Spring Security's interceptor and the RestClient.
 */
class CoupaTokenRequests implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

    /** The OAuth errors (RFC 6749, 5.2) that say the client, its secret or its scopes are not accepted. */
    private static final Set<String> REFUSALS = Set.of("invalid_client", "unauthorized_client", "invalid_scope",
            "invalid_grant", "unsupported_grant_type");

    /** OAuth errors some servers answer while they are down for a moment. */
    private static final Set<String> PASSING = Set.of("server_error", "temporarily_unavailable");

    private final RestClient restClient;

    private final RateLimiter rateLimiter;

    private final JsonMapper json;

    /**
     * @param rateLimiter the limiter of every other Coupa call: Coupa counts token requests against the same limit
     * @param json Coupa's JSON, as every other Coupa answer is read
     */
    CoupaTokenRequests(RestClient restClient, RateLimiter rateLimiter, JsonMapper json) {
        this.restClient = restClient;
        this.rateLimiter = rateLimiter;
        this.json = json;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2ClientCredentialsGrantRequest request) {
        ClientRegistration client = request.getClientRegistration();
        URI tokenUri = URI.create(client.getProviderDetails().getTokenUri());
        byte[] form = ("grant_type=client_credentials"
                + "&client_id=" + encode(client.getClientId())
                + "&client_secret=" + encode(client.getClientSecret())
                + "&scope=" + encode(String.join(" ", client.getScopes()))).getBytes(StandardCharsets.UTF_8);
        if (!rateLimiter.acquirePermission()) {
            throw new TransientCoupaFailure("POST " + tokenUri + ": no request slot under coupa.requests-per-second",
                    null);
        }
        try {
            return restClient.post()
                .uri(tokenUri)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
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
            // Timeouts and refused or cut connections. Retrying is safe: a token request changes nothing in Coupa.
            throw new TransientCoupaFailure("POST " + tokenUri + " got no answer: " + noAnswer.getMessage(), noAnswer);
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
            throw new TransientCoupaFailure("POST " + tokenUri + " answered HTTP " + status
                    + (contentType == null ? "" : " with Content-Type " + contentType) + ", not an access token",
                    unreadable);
        }
        if (token == null) {
            throw new TransientCoupaFailure("POST " + tokenUri + " answered HTTP " + status
                    + " without an access token", null);
        }
        return token;
    }

    private RuntimeException failure(URI tokenUri, int status, byte[] body, HttpHeaders headers, String secret) {
        // Masked before it is cut, so that no part of an echoed secret survives at the cut.
        String answer = CoupaApi.snippet(masked(new String(body, StandardCharsets.UTF_8), secret)
            .getBytes(StandardCharsets.UTF_8));
        String failure = "POST " + tokenUri + " answered HTTP " + status + ": " + answer;
        JsonNode error = error(body);
        String code = error == null ? null : text(error, "error");
        if (status == 429) {
            return TransientCoupaFailure.tooManyRequests(failure, tokenUri, headers);
        }
        if (status == 408 || status >= 500 || code != null && PASSING.contains(code)) {
            return new TransientCoupaFailure(failure, null);
        }
        if (code != null && REFUSALS.contains(code) && (status == 400 || status == 401 || status == 403)) {
            String description = text(error, "error_description");
            return new OAuth2AuthorizationException(new OAuth2Error(code, "(HTTP " + status
                    + (description == null ? "" : ": " + masked(description, secret)) + ")", null));
        }
        if (code == null && (status == 401 || status == 403)) {
            return new OAuth2AuthorizationException(new OAuth2Error("HTTP " + status, answer, null));
        }
        // Another 4xx: the request itself is wrong (a proxy, a wrong path). Not a refusal, and no retry will help.
        return new CoupaCallException(failure);
    }

    /** The answer as a JSON object, or null when it is not one (an HTML page, an empty body). */
    private JsonNode error(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? null : json.readTree(body);
            return node != null && node.isObject() ? node : null;
        }
        catch (JacksonException unreadable) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    /** An answer that echoes the request must not echo the secret into a log or the job repository. */
    /** The secret hidden, also as a form (the request's own encoding) or a URL would carry it. */
    private static String masked(String text, String secret) {
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
