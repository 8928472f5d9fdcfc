package io.github.coupapoexport;

import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.mapping.ValueMaps;
import io.github.coupapoexport.mapping.ValueMapsFile;

/**
 * Checks every setting before anything talks to Coupa or the ERP, and reports all problems at once. The beans that
 * build clients take this as a parameter, so none of them is built from settings that failed the check.
 */
public class SettingsCheck {

    private final ValueMaps valueMaps;

    public SettingsCheck(CoupaProperties coupa, ErpProperties erp, ExportProperties export) {
        List<String> problems = new ArrayList<>(coupa.problems());
        problems.addAll(erp.problems());
        problems.addAll(export.problems());
        ValueMaps maps = null;
        try {
            maps = ValueMapsFile.load(export.valueMaps());
        }
        catch (IllegalArgumentException ex) {
            problems.add("export.value-maps: " + ex.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        this.valueMaps = maps;
    }

    public ValueMaps valueMaps() {
        return valueMaps;
    }
}
