package io.github.coupapoexport.alerting;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Binds {@code alerts.*} inside the run, so that the settings check refuses invalid alert settings with every other
 * problem before anything starts. The alerts themselves are sent after the context has closed ({@link Alerts}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
public class AlertingConfiguration {
}
