package io.github.coupapoexport.coupa;

import java.time.Duration;

import io.github.coupapoexport.foundation.ClientCredentialsTokens;
import io.github.coupapoexport.foundation.HttpObservations;
import io.github.coupapoexport.foundation.HttpRequestFactories;
import io.github.coupapoexport.foundation.WireLog;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coupa's HTTP side: one {@link RestClient} whose requests carry a client-credentials token. Spring Security's
 * OAuth2 client fetches the token from {@code {base-url}/oauth2/token}, caches it, renews it before it expires, and
 * forgets it after a 401 so that the next call fetches a fresh one.
 */
@Configuration(proxyBeanMethods = false)
public class CoupaClientConfiguration {

    static final String REGISTRATION_ID = "coupa";

    /** Coupa's tokens live 24 h and Coupa advises renewing well before; a few minutes of margin is plenty for a batch. */
    private static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofMinutes(5);

    @Bean
    CoupaClient coupaClient(CoupaApi coupaApi, CoupaProperties properties) {
        return new CoupaClient(coupaApi, properties);
    }

    @Bean
    CoupaApi coupaApi(SettingsCheck settings, CoupaProperties properties, ObservationRegistry observations,
            MeterRegistry meters) {
        JdkClientHttpRequestFactory requestFactory = HttpRequestFactories.of(properties.connectTimeout(),
                properties.readTimeout());
        CoupaPace pace = CoupaPace.of(properties.requestsPerSecond());
        JsonMapper json = coupaJson();
        OAuth2ClientHttpRequestInterceptor bearerToken = new CoupaTokenRequests(
                ClientCredentialsTokens.tokenClient(requestFactory, observations), pace, json)
            .bearerTokens(registration(properties), TOKEN_RENEWAL_MARGIN);

        RestClient restClient = HttpObservations.observed(RestClient.builder(), observations)
            .baseUrl(properties.root())
            .requestFactory(requestFactory)
            .requestInterceptor(bearerToken)
            // After the token interceptor, so that the wire log shows (masked) what was really sent.
            .requestInterceptor(new WireLog("coupa"))
            .build();
        return new CoupaApi(restClient, json, properties, pace,
                properties.retry().backoff(TransientCoupaFailure.class), new CoupaMeters(meters));
    }

    /**
     * Coupa's JSON, the one mapper of every Coupa answer and body: hyphenated keys, and fields this job does not read
     * are ignored. Not a bean: Boot keeps its own. Public for the tests that pin what goes on the wire.
     */
    public static JsonMapper coupaJson() {
        return JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    }

    private static ClientRegistration registration(CoupaProperties properties) {
        return ClientRegistration.withRegistrationId(REGISTRATION_ID)
            .tokenUri(properties.root() + "/oauth2/token")
            .clientId(properties.clientId())
            .clientSecret(properties.clientSecret().reveal())
            // Coupa documents the credentials as form fields of the token request (see CoupaTokenRequests).
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(properties.scopes())
            .build();
    }
}
