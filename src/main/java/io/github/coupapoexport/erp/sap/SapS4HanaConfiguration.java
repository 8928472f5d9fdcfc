package io.github.coupapoexport.erp.sap;

import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.foundation.HttpRequestFactories;
import io.github.coupapoexport.foundation.WireLog;
import io.github.coupapoexport.settings.SettingsCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The SAP S/4HANA adapter ({@code erp.type=sap-s4hana}): its settings and its client. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "erp.type", havingValue = ErpProperties.SAP_S4HANA)
@EnableConfigurationProperties(SapS4HanaProperties.class)
public class SapS4HanaConfiguration {

    @Bean
    SapS4HanaErp sapS4HanaErp(SettingsCheck settings, SapS4HanaProperties sap) {
        RestClient restClient = RestClient.builder()
            .requestFactory(HttpRequestFactories.of(sap.connectTimeout(), sap.readTimeout()))
            .requestInterceptor(new WireLog("erp"))
            .defaultHeaders(headers -> headers.setBasicAuth(sap.username(), sap.password().reveal()))
            .build();
        JsonMapper json = JsonMapper.builder().build();
        SapAnswers answers = new SapAnswers(json);
        SapPayloads payloads = new SapPayloads(sap);
        return new SapS4HanaErp(new SapSession(restClient, sap.serviceRoot(), answers, json), answers, payloads,
                sap.retry().backoff(SapAnswers.Transient.class), sap.externalNumbering(),
                new SapPreview(payloads, sap.externalNumbering(), json));
    }
}
