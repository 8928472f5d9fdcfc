package io.github.coupapoexport.ledger;

import java.time.OffsetDateTime;

import org.jspecify.annotations.Nullable;

/**
 * The snapshot of a PO that the ledger last counted as held by the ERP, as a reconciliation compares it with Coupa.
 *
 * @param byErp whether the ERP accepted it; false for an outcome that only stands for the ERP holding the PO (a
 * baseline), which the ERP itself is not asked about
 * @param acceptedAt when the ledger recorded it
 */
public record Acceptance(long coupaId, @Nullable String poNumber, @Nullable Integer version, @Nullable String status,
        boolean byErp, OffsetDateTime acceptedAt, @Nullable String erpDocumentId) {
}
