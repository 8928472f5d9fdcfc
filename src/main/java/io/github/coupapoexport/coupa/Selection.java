package io.github.coupapoexport.coupa;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Which POs a run asks Coupa for: those not yet exported (the scheduled run), or named PO numbers whatever their
 * exported flag ({@code --po=...}, a replay). The baseline ({@code baseline --before=DATE}) asks for those not yet
 * exported that Coupa created before a moment ({@code created-at[lt]}).
 *
 * @param createdBefore only POs Coupa created before this moment, or null for no such limit
 */
public record Selection(List<String> poNumbers, @Nullable Instant createdBefore) {

    public static final Selection NOT_YET_EXPORTED = new Selection(List.of());

    public Selection {
        poNumbers = List.copyOf(poNumbers);
    }

    public Selection(List<String> poNumbers) {
        this(poNumbers, null);
    }

    /** From the {@code --po} option's value, {@code 4821,4822}; null or blank is the scheduled selection. */
    public static Selection of(String poNumbers) {
        if (poNumbers == null || poNumbers.isBlank()) {
            return NOT_YET_EXPORTED;
        }
        return new Selection(Arrays.stream(poNumbers.split(",")).map(String::strip).filter(n -> !n.isEmpty()).toList());
    }

    /** The scheduled selection, limited to POs Coupa created before {@code moment}: what a baseline marks. */
    public static Selection notYetExportedCreatedBefore(Instant moment) {
        return new Selection(List.of(), moment);
    }

    public boolean replay() {
        return !poNumbers.isEmpty();
    }
}
