package io.github.coupapoexport.coupa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.OAuth2ClientCredentialsGrantRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Coupa counts token requests against the same limit as every other call, so the job's limiter does too. */
class CoupaTokenRequestsTest {

    private final WireMockServer coupa = new WireMockServer(wireMockConfig().dynamicPort());

    /** Two requests for the whole test: the limiter never refills within it. */
    private final RateLimiter rateLimiter = RateLimiter.of("coupa", RateLimiterConfig.custom()
        .limitForPeriod(2)
        .limitRefreshPeriod(Duration.ofHours(1))
        .timeoutDuration(Duration.ZERO)
        .build());

    private final CoupaPace pace = new CoupaPace(rateLimiter, 20, InstantSource.system());

    private CoupaTokenRequests tokenRequests;

    @BeforeEach
    void tokenEndpoint() {
        coupa.start();
        coupa.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"access_token\": \"token-1\", \"token_type\": \"bearer\", \"expires_in\": 86399}")));
        tokenRequests = new CoupaTokenRequests(RestClient.builder()
            .configureMessageConverters(converters -> converters.addCustomConverter(new ByteArrayHttpMessageConverter())
                .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
            .build(), pace, CoupaClientConfiguration.coupaJson());
    }

    @AfterEach
    void stop() {
        coupa.stop();
    }

    @Test
    void tokenRequestTakesAPermitOfCoupasRateLimiter() {
        // when
        OAuth2AccessTokenResponse token = tokenRequests.getTokenResponse(grantRequest());

        // then
        assertThat(token.getAccessToken().getTokenValue()).isEqualTo("token-1");
        assertThat(rateLimiter.getMetrics().getAvailablePermissions()).isEqualTo(1);
    }

    @Test
    void tokenRequestWithoutAPermitIsNotSentAndIsTriedAgainLater() {
        // given the other Coupa calls took every permit
        rateLimiter.acquirePermission(2);

        // when / then
        assertThatThrownBy(() -> tokenRequests.getTokenResponse(grantRequest()))
            .isInstanceOf(TransientCoupaFailure.class)
            .hasMessageContaining("/oauth2/token: no request slot under coupa.requests-per-second");
        assertThat(coupa.getAllServeEvents()).isEmpty();
    }

    @Test
    void a429FromTheTokenEndpointSlowsEveryCoupaCall() {
        // given Coupa's limiter, which covers the token endpoint too
        coupa.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1).willReturn(aResponse().withStatus(429)
            .withHeader("Retry-After", "1")));

        // when
        assertThatThrownBy(() -> tokenRequests.getTokenResponse(grantRequest()))
            .isInstanceOf(TransientCoupaFailure.class);

        // then
        assertThat(pace.rate()).isEqualTo(10.0);
    }

    @Test
    void aRefusalThatEchoesTheRequestNeverShowsAnyPartOfTheSecret() {
        // given a proxy in front of Coupa that refuses the request and echoes it, form-encoded, across its 200th
        // character
        String secret = "s3cr3t+/=-with-a-long-tail-0123456789";
        String echoed = "client_id=po-export&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        coupa.stubFor(post(urlPathEqualTo("/oauth2/token")).atPriority(1).willReturn(aResponse().withStatus(403)
            .withBody("x".repeat(150) + " " + echoed + " and once more raw: " + secret)));

        // when / then
        assertThatThrownBy(() -> tokenRequests.getTokenResponse(grantRequest(secret)))
            .satisfies(refusal -> assertThat(refusal.getMessage() + refusal.getCause())
                .contains("******").doesNotContain("s3cr3t").doesNotContain("with-a-long-tail"));
    }

    private OAuth2ClientCredentialsGrantRequest grantRequest() {
        return grantRequest("secret");
    }

    private OAuth2ClientCredentialsGrantRequest grantRequest(String secret) {
        return new OAuth2ClientCredentialsGrantRequest(ClientRegistration.withRegistrationId("coupa")
            .tokenUri(coupa.baseUrl() + "/oauth2/token")
            .clientId("po-export")
            .clientSecret(secret)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("core.purchase_order.read")
            .build());
    }
}
