package io.github.coupapoexport.settings;

import java.util.List;

/** Settings that can tell what is wrong with them, each problem naming its key, so that all are reported at once. */
public interface CheckedSettings {

    /** @return every problem, empty when the settings can work */
    List<String> problems();
}
