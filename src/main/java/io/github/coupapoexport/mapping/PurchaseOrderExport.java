package io.github.coupapoexport.mapping;

import java.util.List;

/**
 * The outcome of mapping one Coupa PO: a document for the ERP, or the reasons it cannot become one. Never null, so a
 * PO is never silently dropped between the reader and the writer.
 */
public sealed interface PurchaseOrderExport {

    PurchaseOrderSnapshot snapshot();

    record ReadyForErp(PurchaseOrderSnapshot snapshot, ErpPurchaseOrder document) implements PurchaseOrderExport {
    }

    record InvalidPurchaseOrder(PurchaseOrderSnapshot snapshot, List<String> problems) implements PurchaseOrderExport {

        public InvalidPurchaseOrder {
            problems = List.copyOf(problems);
        }

        /** One sentence for a buyer: which PO, and everything that has to be fixed in Coupa. */
        public String reason() {
            return "PO " + snapshot.label() + " cannot be sent to the ERP: " + String.join("; ", problems);
        }
    }
}
