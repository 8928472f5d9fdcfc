package io.github.coupapoexport.coupa;

import java.util.Locale;
import java.util.Objects;

/**
 * A PO as Coupa's answer to a mark shows it: the version and status it has now, which tell whether it moved on after
 * the job read it.
 */
public record PurchaseOrderState(Long id, Boolean exported, Integer version, String status) {

    /** Both the version and the status are known. */
    public boolean complete() {
        return version != null && status != null;
    }

    /** Whether Coupa holds another version or status than the snapshot that was read. */
    public boolean movedFrom(Integer readVersion, String readStatus) {
        return !Objects.equals(version, readVersion) || !normalised(status).equals(normalised(readStatus));
    }

    private static String normalised(String status) {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }
}
