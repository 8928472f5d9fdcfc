package io.github.coupapoexport;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code export.*} keys.
 *
 * @param markExported {@code after-erp} (default) or {@code before-erp}, Coupa's documented order
 * @param valueMaps the YAML file that translates Coupa codes (units of measure, payment terms) to the ERP's
 */
@ConfigurationProperties("export")
public record ExportProperties(
        @DefaultValue("after-erp") MarkExported markExported,
        @DefaultValue("config/value-maps.yml") Path valueMaps) {
}
