package io.github.coupapoexport.report;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;

/**
 * Everything the report shows, read before rendering so that the page is a pure function of it.
 *
 * @param generatedAt when the data was read, so that a reader of an old attachment knows how old it is
 * @param executions the last executions of the export, newest first
 * @param failures every PO not in the ERP as far as the ledger knows, by class then PO number
 * @param lastReconciliation the last comparison of Coupa with the ERP, if one has run
 */
public record ReportData(Instant generatedAt, List<RunRow> executions, List<FailingPurchaseOrder> failures,
        Optional<ReconciliationView> lastReconciliation) {

    public ReportData {
        executions = List.copyOf(executions);
        failures = List.copyOf(failures);
    }
}
