package io.github.coupapoexport.coupa;

import java.util.Arrays;
import java.util.List;

/**
 * Which POs a run asks Coupa for: those not yet exported (the scheduled run), or named PO numbers whatever their
 * exported flag ({@code --po=...}, a replay).
 */
public record Selection(List<String> poNumbers) {

    public static final Selection NOT_YET_EXPORTED = new Selection(List.of());

    public Selection {
        poNumbers = List.copyOf(poNumbers);
    }

    /** From the {@code --po} option's value, {@code 4821,4822}; null or blank is the scheduled selection. */
    public static Selection of(String poNumbers) {
        if (poNumbers == null || poNumbers.isBlank()) {
            return NOT_YET_EXPORTED;
        }
        return new Selection(Arrays.stream(poNumbers.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList());
    }

    public boolean replay() {
        return !poNumbers.isEmpty();
    }
}
