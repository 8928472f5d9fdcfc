package io.github.coupapoexport.erp.sap;

import java.net.URI;
import java.time.Duration;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.foundation.ClientCredentialsTokens;
import io.github.coupapoexport.foundation.HttpObservations;
import io.github.coupapoexport.foundation.HttpRequestFactories;
import io.github.coupapoexport.foundation.WireLog;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The SAP S/4HANA adapter ({@code erp.type=sap-s4hana}): its settings and its client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "erp.type", havingValue = ErpProperties.SAP_S4HANA)
@EnableConfigurationProperties(SapS4HanaProperties.class)
public class SapS4HanaConfiguration {

    /** A token is renewed this long before it expires, so that none runs out in the middle of a call. */
    private static final Duration TOKEN_RENEWAL_MARGIN = Duration.ofMinutes(2);

    @Bean
    SapS4HanaErp sapS4HanaErp(SettingsCheck settings, SapS4HanaProperties sap, ObservationRegistry observations) {
        JdkClientHttpRequestFactory requestFactory = HttpRequestFactories.of(sap.connectTimeout(), sap.readTimeout());
        JsonMapper json = JsonMapper.builder().build();
        RestClient.Builder client = HttpObservations.observed(RestClient.builder(), observations)
            .requestFactory(requestFactory);
        if (sap.oauth2().configured()) {
            client.requestInterceptor(new ClientCredentialsTokens(ClientCredentialsTokens.tokenClient(requestFactory, observations),
                    tokenUri -> {
                    }, json, new SapTokenFailures()).bearerTokens(registration(sap.oauth2()), TOKEN_RENEWAL_MARGIN));
        }
        else {
            client.defaultHeaders(headers -> headers.setBasicAuth(sap.username(), sap.password().reveal()));
        }
        // After the token interceptor, so that the wire log shows (masked) what was really sent.
        RestClient restClient = client.requestInterceptor(new WireLog("erp")).build();
        SapAnswers answers = new SapAnswers(json);
        SapPayloads payloads = new SapPayloads(sap);
        return new SapS4HanaErp(new SapSession(restClient, sap.serviceRoot(), answers, json,
                sap.oauth2().configured()), answers, payloads,
                sap.retry().backoff(SapAnswers.Transient.class), sap.externalNumbering(),
                new SapPreview(payloads, sap.externalNumbering(), json));
    }

    private static ClientRegistration registration(SapOAuth2 oauth2) {
        return ClientRegistration.withRegistrationId("sap-s4hana")
            .tokenUri(oauth2.tokenUri())
            .clientId(oauth2.clientId())
            .clientSecret(oauth2.clientSecret().reveal())
            .clientAuthenticationMethod(SapOAuth2.POST.equals(oauth2.clientAuthentication())
                    ? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope(oauth2.scopes())
            .build();
    }

    /** A token endpoint that is busy is retried like SAP itself; one that is not there is a wrong setup. */
    private static final class SapTokenFailures implements ClientCredentialsTokens.Failures {

        @Override
        public RuntimeException passing(String failure, URI tokenUri, int status, @Nullable HttpHeaders headers,
                @Nullable Throwable cause) {
            return new SapAnswers.Transient(failure, cause);
        }

        @Override
        public RuntimeException wrongRequest(String failure) {
            return new SapAnswers.Final(new ErpAnswer.Refused(null, "SAP's token endpoint: " + failure));
        }
    }
}
