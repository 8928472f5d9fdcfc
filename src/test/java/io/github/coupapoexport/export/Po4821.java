package io.github.coupapoexport.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;

/** PO-4821 (Coupa id 4821) as the reader and the mapping hand it on: its snapshots and its ERP document. */
final class Po4821 {

    static final long ID = 4821;

    /** Version 2 as first read. */
    static final PurchaseOrderSnapshot READ = snapshot(2, "2026-03-05T11:02:44-08:00");

    /** The same version read again after an edit the ERP document does not carry. */
    static final PurchaseOrderSnapshot EDITED = snapshot(2, "2026-03-06T08:15:00-08:00");

    /** Version 1, read days before. */
    static final PurchaseOrderSnapshot EARLIER = snapshot(1, "2026-03-02T09:20:11-08:00");

    private Po4821() {
    }

    static PurchaseOrderSnapshot snapshot(int version, String updatedAt) {
        return new PurchaseOrderSnapshot(ID, "PO-4821", version, OffsetDateTime.parse(updatedAt), "issued",
                PurchaseOrderSnapshot.idempotencyKey(ID, version, updatedAt));
    }

    /** Version 2's document: one quantity line. */
    static ErpPurchaseOrder document(ErpAction action) {
        return new ErpPurchaseOrder("coupa", ID, "PO-4821", 2, action, "issued", "USD", "250.00",
                new ErpPurchaseOrder.Supplier("SUP-0077", "Acme Industrial"), "NET45",
                new ErpPurchaseOrder.ShipTo("HQ Dock", "250 Sycamore Ave", "", "Redwood City", "CA", "94063", "US"),
                "jdoe", List.of(new ErpPurchaseOrder.Line("1", 15001, "OrderQuantityLine", "Item 15001", "50.0", "EA",
                        "5.00", "250.00", LocalDate.of(2026, 3, 20), "01-100-8000", "Safety Equipment", false)));
    }
}
