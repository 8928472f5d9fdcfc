package io.github.coupapoexport.ledger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;

/**
 * The snapshots the ledger scenarios record: version N of PO {@code coupaId}, updated in Coupa on 2026-11-2N, sent as
 * a document of one line of bolts, and accepted by the ERP as {@code ERP-<coupaId>}.
 */
final class LedgerSnapshots {

    private final ExportLedger ledger;

    LedgerSnapshots(ExportLedger ledger) {
        this.ledger = ledger;
    }

    /** Version {@code version} of PO {@code coupaId}, as being sent by execution 10: a CREATE first, then UPDATEs. */
    PurchaseOrderSnapshot send(long coupaId, int version) {
        PurchaseOrderSnapshot snapshot = snapshot(coupaId, version);
        ledger.recordSending(snapshot, document(snapshot, version == 1 ? ErpAction.CREATE : ErpAction.UPDATE,
                bolts(coupaId)), 10);
        return snapshot;
    }

    PurchaseOrderSnapshot accept(PurchaseOrderSnapshot snapshot) {
        ledger.recordAccepted(snapshot.idempotencyKey(), 201, "ERP-" + snapshot.coupaId());
        return snapshot;
    }

    static PurchaseOrderSnapshot snapshot(long coupaId, int version) {
        String updatedAt = "2026-11-2" + version + "T09:20:11-08:00";
        return new PurchaseOrderSnapshot(coupaId, "PO-" + coupaId, version, OffsetDateTime.parse(updatedAt), "issued",
                PurchaseOrderSnapshot.idempotencyKey(coupaId, version, updatedAt));
    }

    /** The one line of the documents {@link #send} records. */
    static Line bolts(long coupaId) {
        return new Line("1", coupaId * 100, "quantity", "Bolts", "1", "EA", "10.00", "10.00", LocalDate.of(2026, 12, 1),
                "6100", "Hardware", false);
    }

    /** The ledger keeps the document as it is: only the lines and the action matter here. */
    static ErpPurchaseOrder document(PurchaseOrderSnapshot snapshot, ErpAction action, Line... lines) {
        return new ErpPurchaseOrder("coupa", snapshot.coupaId(), snapshot.poNumber(), snapshot.version(), action,
                snapshot.status(), "USD", "10.00", null, "Net 45", null, "jdoe", List.of(lines));
    }
}
