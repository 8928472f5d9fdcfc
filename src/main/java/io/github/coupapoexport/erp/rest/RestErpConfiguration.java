package io.github.coupapoexport.erp.rest;

import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.foundation.HttpObservations;
import io.github.coupapoexport.foundation.HttpRequestFactories;
import io.github.coupapoexport.foundation.WireLog;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The REST adapter, the default ({@code erp.type=rest}): its settings and its client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "erp.type", havingValue = ErpProperties.REST, matchIfMissing = true)
@EnableConfigurationProperties(RestErpProperties.class)
public class RestErpConfiguration {

    @Bean
    RestErp restErp(SettingsCheck settings, RestErpProperties erp, ObservationRegistry observations) {
        RestClient restClient = HttpObservations.observed(RestClient.builder(), observations)
            .baseUrl(erp.root())
            .requestFactory(HttpRequestFactories.of(erp.connectTimeout(), erp.readTimeout()))
            .requestInterceptor(new WireLog("erp"))
            .defaultHeaders(headers -> {
                if (erp.bearerToken() != null && !erp.bearerToken().isBlank()) {
                    headers.setBearerAuth(erp.bearerToken().reveal());
                }
                else if (erp.username() != null && !erp.username().isBlank()) {
                    headers.setBasicAuth(erp.username(), erp.password().reveal());
                }
            })
            .build();
        return new RestErp(restClient, erp.retry().backoff(RestErp.TransientFailure.class),
                JsonMapper.builder().build(), erp.lookupPath());
    }
}
