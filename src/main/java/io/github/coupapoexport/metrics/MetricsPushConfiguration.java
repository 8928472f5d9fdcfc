package io.github.coupapoexport.metrics;

import java.net.URI;
import java.util.Locale;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/**
 * The Pushgateway push, on {@code management.prometheus.metrics.export.pushgateway.enabled=true}, with Boot's own
 * settings of it (address, scheme, job, grouping key, push rate, username and password or token). Boot pushes itself
 * once {@code io.prometheus:prometheus-metrics-exporter-pushgateway} is on the class path; then this steps aside, so
 * that a run never pushes twice.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("management.prometheus.metrics.export.pushgateway.enabled")
@ConditionalOnMissingClass("io.prometheus.metrics.exporter.pushgateway.PushGateway")
public class MetricsPushConfiguration {

    @Bean
    PushgatewayPush pushgatewayPush(PrometheusMeterRegistry registry, PrometheusProperties prometheus) {
        PrometheusProperties.Pushgateway settings = prometheus.getPushgateway();
        URI group = PushgatewayPush.groupUri(settings.getScheme().name().toLowerCase(Locale.ROOT),
                settings.getAddress(), settings.getJob() == null ? "coupa-po-export" : settings.getJob(),
                settings.getGroupingKey());
        String authorization = StringUtils.hasText(settings.getToken()) ? "Bearer " + settings.getToken()
                : StringUtils.hasText(settings.getUsername())
                        ? PushgatewayPush.basic(settings.getUsername(), settings.getPassword()) : null;
        return new PushgatewayPush(registry, group, authorization, settings.getPushRate(),
                settings.getShutdownOperation());
    }
}
