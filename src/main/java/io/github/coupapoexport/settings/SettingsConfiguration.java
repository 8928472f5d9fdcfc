package io.github.coupapoexport.settings;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one check of every settings record before anything is built from them. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    /** Every {@code coupa.*}, {@code erp.*} and {@code export.*} record, the selected ERP adapter's included. */
    @Bean
    SettingsCheck settingsCheck(List<CheckedSettings> settings) {
        return new SettingsCheck(settings);
    }
}
