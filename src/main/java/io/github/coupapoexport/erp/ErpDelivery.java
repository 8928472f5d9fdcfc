package io.github.coupapoexport.erp;

import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;

/**
 * One document for the ERP.
 *
 * @param idempotencyKey the snapshot's key: the same on every delivery of this document, a first one or a repeat
 * @param document the document
 * @param json the document as the ledger keeps it ({@link ErpDocumentJson}); a repeat is posted as exactly this text
 */
public record ErpDelivery(String idempotencyKey, ErpPurchaseOrder document, String json) {

    /** A first delivery. */
    public static ErpDelivery of(String idempotencyKey, ErpPurchaseOrder document) {
        return new ErpDelivery(idempotencyKey, document, ErpDocumentJson.write(document));
    }

    /** A repeat of a delivery whose document the ledger kept. */
    public static ErpDelivery again(String idempotencyKey, String json) {
        return new ErpDelivery(idempotencyKey, ErpDocumentJson.read(json), json);
    }
}
