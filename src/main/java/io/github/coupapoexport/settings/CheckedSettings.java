package io.github.coupapoexport.settings;

import java.util.List;

/** Settings that can tell what is wrong with them, each problem naming its key, so that all are reported at once. */
public interface CheckedSettings {

    /** @return every problem, empty when the settings can work */
    List<String> problems();

    /** The part of the settings these belong to: checked only for a command that uses it. */
    default SettingsArea area() {
        return SettingsArea.GENERAL;
    }
}
