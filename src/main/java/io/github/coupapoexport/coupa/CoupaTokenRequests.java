package io.github.coupapoexport.coupa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.endpoint.OAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/**
 * The token request of Coupa's client-credentials flow: {@code POST /oauth2/token} with the client id and secret as
 * form fields, as Coupa documents it. Spring Security caches and renews what this returns.
 * <p>
 * It replaces Spring Security's own request client for one reason: that one hands the form to {@link RestClient} as a
 * map, which Spring logs at DEBUG level, client secret included. Here the form goes out as bytes, which RestClient
 * logs only as a type.
 */
class CoupaTokenRequests implements OAuth2AccessTokenResponseClient<OAuth2ClientCredentialsGrantRequest> {

    private final RestClient restClient;

    CoupaTokenRequests(RestClient restClient) {
        this.restClient = restClient;
    }

    @Override
    public OAuth2AccessTokenResponse getTokenResponse(OAuth2ClientCredentialsGrantRequest request) {
        ClientRegistration client = request.getClientRegistration();
        byte[] form = ("grant_type=client_credentials"
                + "&client_id=" + encode(client.getClientId())
                + "&client_secret=" + encode(client.getClientSecret())
                + "&scope=" + encode(String.join(" ", client.getScopes()))).getBytes(StandardCharsets.UTF_8);
        try {
            return restClient.post()
                .uri(client.getProviderDetails().getTokenUri())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.APPLICATION_JSON)
                .body(form)
                .retrieve()
                .body(OAuth2AccessTokenResponse.class);
        }
        catch (HttpClientErrorException refused) {
            // 400 and 401 both mean the credentials or scopes were refused; a 5xx stays an ordinary, passing failure.
            throw new OAuth2AuthorizationException(new OAuth2Error("HTTP " + refused.getStatusCode().value(),
                    refused.getResponseBodyAsString(StandardCharsets.UTF_8), null), refused);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
