package io.github.coupapoexport.coupa;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * Coupa's client built without a Spring context but as the application builds it: the {@code coupa.*} settings bound
 * the way Boot binds them (defaults included), checked, and handed to {@link CoupaClientConfiguration}'s own bean
 * methods, so that a test exercises the real token handling, rate limiter and retries.
 */
final class CoupaWiring {

    private final CoupaClientConfiguration configuration = new CoupaClientConfiguration();

    private final CoupaProperties properties;

    private final CoupaApi api;

    /**
     * @param settings {@code coupa.*} keys (without the prefix) on top of credentials for {@code baseUrl}, e.g.
     * {@code "retry.initial-delay" -> "1ms"}
     */
    CoupaWiring(String baseUrl, String clientId, String clientSecret, Map<String, String> settings) {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("coupa.base-url", baseUrl);
        keys.put("coupa.client-id", clientId);
        keys.put("coupa.client-secret", clientSecret);
        keys.put("coupa.monitoring.integration-code", "PO_TO_ERP");
        settings.forEach((key, value) -> keys.put("coupa." + key, value));
        properties = new Binder(new MapConfigurationPropertySource(keys)).bind("coupa", CoupaProperties.class).get();
        api = configuration.coupaApi(new SettingsCheck(List.of(properties)), properties,
                ObservationRegistry.NOOP, new SimpleMeterRegistry());
    }

    CoupaProperties properties() {
        return properties;
    }

    CoupaApi api() {
        return api;
    }

    CoupaClient client() {
        return configuration.coupaClient(api, properties);
    }
}
