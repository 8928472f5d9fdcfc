package io.github.coupapoexport.coupa;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How the export reports each PO's outcome inside Coupa: the seed's three options ({@code coupa.monitoring.mode}). */
public enum MonitoringMode {

    /** Option 1: a PO header custom field with the latest outcome. */
    CUSTOM_FIELD("custom-field"),

    /** Option 2: an integration history record per outcome, with an alert on failure. */
    HISTORY("history"),

    /** Option 3: one integration run per job execution; failures are integration errors of the run. */
    INTEGRATION_RUN("integration-run");

    private final String setting;

    MonitoringMode(String setting) {
        this.setting = setting;
    }

    /**
     * The mode a setting names, read as Spring Boot reads an enum: {@code integration-run} and {@code INTEGRATION_RUN}
     * name the same mode. Empty for anything else, so that the settings check can list it with the other problems.
     */
    public static Optional<MonitoringMode> of(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        String normalised = setting.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(mode -> mode.setting.equals(normalised)).findFirst();
    }

    /** The allowed values as an operator writes them: {@code custom-field, history, integration-run}. */
    public static String settings() {
        return Arrays.stream(values()).map(MonitoringMode::setting).collect(Collectors.joining(", "));
    }

    /** The value as the configuration writes it. */
    public String setting() {
        return setting;
    }

    /** History records and integration runs belong to a Coupa integration, named by its code. */
    public boolean needsIntegration() {
        return this != CUSTOM_FIELD;
    }
}
