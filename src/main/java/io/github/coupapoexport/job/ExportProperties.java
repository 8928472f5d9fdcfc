package io.github.coupapoexport.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.export.MarkExported;
import io.github.coupapoexport.mapping.ValueMapsFile;
import io.github.coupapoexport.settings.CheckedSettings;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code export.*} keys.
 *
 * @param markExported {@code after-erp} (default) or {@code before-erp}, Coupa's documented order
 * @param valueMaps the YAML file that translates Coupa codes (units of measure, payment terms) to the ERP's; null when
 * not set, and then {@value ValueMapsFile#DEFAULT_FILE} is read if the run's folder has it
 * @param concurrency how many POs of a chunk are sent to the ERP and marked in Coupa at the same time
 */
@ConfigurationProperties("export")
public record ExportProperties(
        @DefaultValue("after-erp") MarkExported markExported,
        Path valueMaps,
        @DefaultValue("4") int concurrency) implements CheckedSettings {

    static final int MAX_CONCURRENCY = 16;

    @Override
    public SettingsArea area() {
        return SettingsArea.EXPORT;
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            problems.add("export.concurrency must be between 1 and " + MAX_CONCURRENCY + " (was " + concurrency + ")");
        }
        try {
            ValueMapsFile.configured(valueMaps).ifPresent(ValueMapsFile::load);
        }
        catch (IllegalArgumentException ex) {
            problems.add("export.value-maps: " + ex.getMessage());
        }
        return problems;
    }
}
