package io.github.coupapoexport.cli;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.coupapoexport.settings.SettingsArea;

/**
 * Which settings each command uses: it is checked for those only and builds nothing from the others, so that {@code
 * status} runs without the Coupa client secret and {@code baseline} without the ERP's password. Read before Spring
 * starts, from the command word.
 */
public final class SettingsInUse {

    private SettingsInUse() {
    }

    /** The areas the command of these (already accepted) arguments uses. */
    public static Set<SettingsArea> of(String... arguments) {
        String command = ArgumentCheck.commandOf(arguments);
        return switch (command) {
            case "status", "failures", "stop", "report" -> EnumSet.of(SettingsArea.GENERAL);
            case "recover" -> EnumSet.of(SettingsArea.COUPA, SettingsArea.GENERAL);
            // the baseline keeps each PO's lines as the mapping (value maps) makes them, and marks export.concurrency
            // at a time
            case "baseline" -> EnumSet.of(SettingsArea.COUPA, SettingsArea.EXPORT, SettingsArea.GENERAL);
            case "reconcile" -> EnumSet.of(SettingsArea.COUPA, SettingsArea.ERP, SettingsArea.GENERAL);
            // run, its dry run and replay, and retry: the export itself
            default -> EnumSet.allOf(SettingsArea.class);
        };
    }

    /** Whether a command uses fewer than all areas, and so must build only the beans it asks for. */
    public static boolean partial(Set<SettingsArea> inUse) {
        return !inUse.containsAll(EnumSet.allOf(SettingsArea.class));
    }

    /** The value of {@link SettingsArea#IN_USE_PROPERTY}. */
    public static String property(Set<SettingsArea> inUse) {
        return Arrays.stream(SettingsArea.values()).filter(inUse::contains).map(Enum::name)
            .collect(Collectors.joining(","));
    }
}
