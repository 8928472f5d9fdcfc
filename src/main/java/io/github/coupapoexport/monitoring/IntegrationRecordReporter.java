package io.github.coupapoexport.monitoring;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.monitoring.CoupaMonitoringClient.OpenRecord;

/**
 * Options 2 and 3: for each PO, resolve its earlier unresolved records of this integration, then record the outcome.
 * Option 2 ({@code history}) creates a history record, with an alert to the integration contacts on failure.
 * Option 3 ({@code integration-run}) records a success as a history record of the run and a failure as an
 * integration error of the run, with an alert. The earlier open records of a whole batch are looked up in one call
 * ({@code document-id[in]=...}), not one per PO.
 */
public class IntegrationRecordReporter implements OutcomeReporter {

    private final CoupaMonitoringClient coupa;

    private final boolean integrationRuns;

    public IntegrationRecordReporter(CoupaMonitoringClient coupa, boolean integrationRuns) {
        this.coupa = coupa;
        this.integrationRuns = integrationRuns;
    }

    @Override
    public void report(List<UnreportedOutcome> outcomes, Long integrationRunId) {
        List<UnreportedOutcome> latest = Latest.perPurchaseOrder(outcomes);
        List<Long> purchaseOrderIds = latest.stream().map(UnreportedOutcome::coupaId).toList();
        for (OpenRecord open : coupa.unresolvedHistoryRecords(purchaseOrderIds)) {
            coupa.resolveHistoryRecord(open.id());
        }
        if (integrationRuns) {
            for (OpenRecord open : coupa.unresolvedIntegrationErrors(purchaseOrderIds)) {
                coupa.resolveIntegrationError(open.id());
            }
        }
        for (UnreportedOutcome outcome : latest) {
            record(outcome, integrationRunId);
        }
    }

    private void record(UnreportedOutcome outcome, Long integrationRunId) {
        // A buyer fixes a rejected or invalid PO; an unreachable ERP is for the technical contacts.
        String alertType = outcome.outcome() == LedgerOutcome.ERP_UNREACHABLE ? "Technical" : "Functional";
        Map<String, Object> body = coupa.recordBody(outcome.coupaId(), outcome.poStatus(), alertType,
                outcome.success() ? "Success" : "Error", outcome.responseCode(), outcome.responseMessage());
        if (integrationRuns && !outcome.success()) {
            body.put("integration-run-id", String.valueOf(integrationRunId));
            coupa.createIntegrationErrorAlert(body);
            return;
        }
        body.put("integration", Map.of("code", coupa.integrationCode()));
        if (integrationRuns) {
            body.put("integration-run", Map.of("id", integrationRunId));
        }
        coupa.createHistoryRecord(body, !outcome.success());
    }
}
