package io.github.coupapoexport.erp;

import org.jspecify.annotations.Nullable;

/**
 * What the ERP holds of one PO, as an adapter that can read the ERP tells it ({@link Erp#holding}): the reconciliation
 * compares it with Coupa and the ledger, so that a PO the ERP lost, or holds at an older version, is found even when
 * the ledger says it was accepted.
 */
public sealed interface ErpHolding {

    /**
     * The ERP holds the PO.
     *
     * @param revision the Coupa version the ERP holds, or null when the ERP does not say
     * @param erpDocumentId the ERP's own id of the PO, when it names one
     */
    record Held(@Nullable Integer revision, @Nullable String erpDocumentId) implements ErpHolding {
    }

    /** The ERP does not hold the PO (REST 404, no SAP PO of that number, no accepted staging row). */
    record NotHeld() implements ErpHolding {
    }

    /** Which PO to look up: Coupa's id and number, and the ERP's id from the ledger's last acceptance, if any. */
    record Question(long coupaId, @Nullable String poNumber, @Nullable String erpDocumentId) {
    }
}
