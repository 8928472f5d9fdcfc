package io.github.coupapoexport;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code export.*} keys.
 *
 * @param markExported {@code after-erp} (default) or {@code before-erp}, Coupa's documented order
 * @param valueMaps the YAML file that translates Coupa codes (units of measure, payment terms) to the ERP's; null when
 * not set, and then {@value #DEFAULT_VALUE_MAPS} is read if the run's folder has it
 * @param concurrency how many POs of a chunk are sent to the ERP and marked in Coupa at the same time
 */
@ConfigurationProperties("export")
public record ExportProperties(
        @DefaultValue("after-erp") MarkExported markExported,
        Path valueMaps,
        @DefaultValue("4") int concurrency) {

    static final int MAX_CONCURRENCY = 16;

    static final String DEFAULT_VALUE_MAPS = "config/value-maps.yml";

    List<String> problems() {
        return concurrency < 1 || concurrency > MAX_CONCURRENCY
                ? List.of("export.concurrency must be between 1 and " + MAX_CONCURRENCY + " (was " + concurrency + ")")
                : List.of();
    }
}
