package io.github.coupapoexport.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every setting before anything talks to Coupa or the ERP, and reports all problems at once. The beans that
 * build clients take this as a parameter, so none of them is built from settings that failed the check.
 */
public class SettingsCheck {

    /** @throws InvalidSettingsException listing the problems of all the settings given */
    public SettingsCheck(List<? extends CheckedSettings> settings) {
        List<String> problems = new ArrayList<>();
        settings.forEach(each -> problems.addAll(each.problems()));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }
}
