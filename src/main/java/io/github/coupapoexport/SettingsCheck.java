package io.github.coupapoexport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.mapping.ValueMaps;
import io.github.coupapoexport.mapping.ValueMapsFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every setting before anything talks to Coupa or the ERP, and reports all problems at once. The beans that
 * build clients take this as a parameter, so none of them is built from settings that failed the check.
 */
public class SettingsCheck {

    private static final Logger log = LoggerFactory.getLogger(SettingsCheck.class);

    private final ValueMaps valueMaps;

    public SettingsCheck(CoupaProperties coupa, ErpProperties erp, ExportProperties export) {
        List<String> problems = new ArrayList<>(coupa.problems());
        problems.addAll(erp.problems());
        problems.addAll(export.problems());
        ValueMaps maps = null;
        try {
            maps = valueMaps(export.valueMaps());
        }
        catch (IllegalArgumentException ex) {
            problems.add("export.value-maps: " + ex.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        this.valueMaps = maps;
    }

    /**
     * A file set explicitly must exist. The default one is relative to the folder the job was started from, and a
     * scheduler may start it elsewhere: without it, codes go to the ERP as Coupa has them, as with an empty file.
     */
    private static ValueMaps valueMaps(Path explicit) {
        if (explicit != null) {
            return ValueMapsFile.load(explicit);
        }
        Path standard = Path.of(ExportProperties.DEFAULT_VALUE_MAPS);
        if (Files.isRegularFile(standard)) {
            return ValueMapsFile.load(standard);
        }
        log.info("No value maps: {} does not exist, so units of measure and payment terms are sent as Coupa has them "
                + "(set export.value-maps to read a file elsewhere)", standard.toAbsolutePath());
        return ValueMaps.NONE;
    }

    public ValueMaps valueMaps() {
        return valueMaps;
    }
}
