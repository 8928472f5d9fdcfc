package io.github.coupapoexport.erp;

import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.jspecify.annotations.Nullable;

/**
 * One document for the ERP.
 *
 * @param idempotencyKey the snapshot's key: the same on every delivery of this document, a first one or a repeat
 * @param json the document as the ledger keeps it ({@link ErpDocumentJson}); a repeat is exactly this text
 * @param erpDocumentId the ERP's own id of what it holds for this PO (from its last acceptance, kept in the ledger);
 * null before the ERP accepted any snapshot of the PO. An adapter that changes a document by the ERP's id needs it.
 */
public record ErpDelivery(String idempotencyKey, String json, @Nullable String erpDocumentId) {

    /** A first delivery. */
    public static ErpDelivery of(String idempotencyKey, ErpPurchaseOrder document, @Nullable String erpDocumentId) {
        return new ErpDelivery(idempotencyKey, ErpDocumentJson.write(document), erpDocumentId);
    }

    /** A repeat of a delivery whose document the ledger kept. */
    public static ErpDelivery again(String idempotencyKey, String json, @Nullable String erpDocumentId) {
        return new ErpDelivery(idempotencyKey, json, erpDocumentId);
    }

    /**
     * The document, read from its JSON, for an adapter that builds a request of its own from it. Read only when asked:
     * an adapter that posts the JSON as it is resends a document an older version of this job kept word for word,
     * even one that no longer reads as today's document.
     *
     * @throws RuntimeException when the JSON does not read as today's document
     */
    public ErpPurchaseOrder document() {
        return ErpDocumentJson.read(json);
    }
}
