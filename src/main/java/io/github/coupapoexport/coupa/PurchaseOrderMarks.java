package io.github.coupapoexport.coupa;

/**
 * Coupa's {@code exported} flag of a PO, as the export sets and checks it: all the export needs of Coupa once a PO
 * was read, so that the one-PO protocol can be run against something other than HTTP.
 */
public interface PurchaseOrderMarks {

    /** Marks the PO exported; the answer names its version and status now, or leaves them null when unreadable. */
    PurchaseOrderState markExported(long purchaseOrderId);

    /** Puts the PO back to not exported, so that Coupa offers its current snapshot again. */
    PurchaseOrderState markNotExported(long purchaseOrderId);

    /** The PO's version and status now. */
    PurchaseOrderState state(long purchaseOrderId);
}
