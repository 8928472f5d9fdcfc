package io.github.coupapoexport.alerting;

import java.util.Optional;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Keeps the environment of one start of the application: the alerts for a start that failed (invalid settings, a
 * database that cannot be reached) still need the settings, though no bean was ever built from them.
 */
public class StartedEnvironment implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private ConfigurableEnvironment environment;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        environment = event.getEnvironment();
    }

    /** Empty when the start failed before the settings were read. */
    public Optional<ConfigurableEnvironment> environment() {
        return Optional.ofNullable(environment);
    }
}
