package io.github.coupapoexport.settings;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The one check of every settings record the command uses, before anything is built from them. */
@Configuration(proxyBeanMethods = false)
public class SettingsConfiguration {

    /**
     * Every {@code coupa.*}, {@code erp.*} and {@code export.*} record of the areas in use, the selected ERP adapter's
     * included. Never lazy: a command that builds no client still has its own settings checked before it starts.
     */
    @Bean
    @Lazy(false)
    SettingsCheck settingsCheck(List<CheckedSettings> settings, Environment environment) {
        Set<SettingsArea> inUse = Binder.get(environment)
            .bind(SettingsArea.IN_USE_PROPERTY, Bindable.setOf(SettingsArea.class))
            .orElse(EnumSet.allOf(SettingsArea.class));
        return new SettingsCheck(settings.stream().filter(each -> inUse.contains(each.area())).toList());
    }
}
