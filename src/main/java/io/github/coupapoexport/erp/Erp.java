package io.github.coupapoexport.erp;

import io.github.coupapoexport.mapping.ErpDocumentJson;

/**
 * The ERP as the export sees it: a document delivered under its snapshot's idempotency key, and what the ERP made of
 * it. The export records each delivery in its ledger before it is made, so an adapter may be asked again for the same
 * key (after a crash, or an answer that never came) and must then not apply the document twice: each adapter keeps
 * that promise its own way (a header the ERP honours, a look-up before a create, a unique row).
 * <p>
 * Adapters live in a package of their own below this one, each with its configuration, selected by {@code erp.type}.
 */
public interface Erp {

    /**
     * Delivers one document, retrying what is worth retrying, and says what the ERP made of it.
     *
     * @return the ERP's answer; never null. A failure to reach the ERP is an {@link ErpAnswer.Unreachable}, not an
     * exception
     */
    ErpAnswer deliver(ErpDelivery delivery);

    /**
     * The verdict on a document that an earlier delivery left {@link ErpAnswer.Queued}: accepted, rejected with the
     * ERP's messages, still queued, or unreachable when the ERP cannot be asked now. Asked only of an adapter that
     * answers {@code Queued}; every run asks again until the ERP has decided.
     *
     * @param idempotencyKey the key the document was delivered under
     */
    default ErpAnswer verdict(String idempotencyKey) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " answers every delivery at once");
    }

    /**
     * Whether {@link #holding} can read what the ERP holds of a PO: an adapter that cannot (or is not configured to)
     * leaves the reconciliation comparing Coupa with the ledger only, and it says so.
     */
    default boolean readsHoldings() {
        return false;
    }

    /**
     * What the ERP holds of one PO now; asked only of an adapter whose {@link #readsHoldings} is true.
     *
     * @throws ErpSetupException when the ERP refuses the job's credentials or the look-up's address
     * @throws ErpReadException when the ERP cannot be read now, retries included
     */
    default ErpHolding holding(ErpHolding.Question purchaseOrder) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot read what the ERP holds");
    }

    /**
     * What {@link #deliver} would send for this delivery, as text for a person to read ({@code --dry-run}). Pure: it
     * asks the ERP nothing, not even for a token, so it changes nothing anywhere. This default is the document's
     * JSON, indented: the REST contract's body.
     *
     * @throws IllegalArgumentException when the adapter would reject the document without sending it; the message
     * says why, as the rejection would
     */
    default String preview(ErpDelivery delivery) {
        return ErpDocumentJson.writeIndented(delivery.document());
    }
}
