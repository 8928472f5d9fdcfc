package io.github.coupapoexport.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.monitoring.CoupaMonitoringClient.OpenRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Options 2 and 3: for each PO, resolve its earlier unresolved records of this integration, then record the outcome.
 * Option 2 ({@code history}) creates a history record, with an alert to the integration contacts on failure.
 * Option 3 ({@code integration-run}) records a success as a history record of the run and a failure as an
 * integration error of the run, with an alert. The earlier open records of a whole batch are looked up in one call
 * ({@code document-id[in]=...}), not one per PO.
 */
public class IntegrationRecordReporter implements OutcomeReporter {

    private static final Logger log = LoggerFactory.getLogger(IntegrationRecordReporter.class);

    private final CoupaMonitoringClient coupa;

    private final boolean integrationRuns;

    public IntegrationRecordReporter(CoupaMonitoringClient coupa, boolean integrationRuns) {
        this.coupa = coupa;
        this.integrationRuns = integrationRuns;
    }

    @Override
    public void report(List<UnreportedOutcome> outcomes, Long integrationRunId, Progress progress) {
        List<UnreportedOutcome> latest = Latest.perPurchaseOrder(outcomes);
        List<Long> purchaseOrderIds = latest.stream().map(UnreportedOutcome::coupaId).toList();
        List<OpenRecord> openRecords = coupa.unresolvedHistoryRecords(purchaseOrderIds);
        List<OpenRecord> openErrors = integrationRuns ? coupa.unresolvedIntegrationErrors(purchaseOrderIds) : List.of();
        Set<Long> refused = new HashSet<>();
        for (UnreportedOutcome outcome : latest) {
            try {
                record(outcome, integrationRunId);
                progress.reported(outcome.coupaId());
            }
            catch (CoupaRefusedException ex) {
                refused.add(outcome.coupaId());
                progress.refused(outcome.coupaId(), ex.getMessage());
            }
        }
        // The earlier records are resolved only once the new one exists: a PO whose new record Coupa refused keeps
        // its open error in sight.
        for (OpenRecord open : openRecords) {
            if (!refused.contains(open.documentId())) {
                resolve(open, () -> coupa.resolveHistoryRecord(open.id()));
            }
        }
        for (OpenRecord open : openErrors) {
            if (!refused.contains(open.documentId())) {
                resolve(open, () -> coupa.resolveIntegrationError(open.id()));
            }
        }
    }

    /** A record Coupa will not resolve stays open; the PO's new record is still created. */
    private static void resolve(OpenRecord open, Runnable resolution) {
        try {
            resolution.run();
        }
        catch (CoupaRefusedException ex) {
            log.warn("Coupa refused to resolve record {} of PO id {}: {}", open.id(), open.documentId(), ex.getMessage());
        }
    }

    private void record(UnreportedOutcome outcome, Long integrationRunId) {
        if (integrationRuns && !outcome.success()) {
            coupa.createIntegrationErrorAlert(MonitoringRequests.integrationError(outcome, integrationRunId));
            return;
        }
        coupa.createHistoryRecord(MonitoringRequests.historyRecord(outcome, coupa.integrationCode(),
                integrationRuns ? integrationRunId : null), !outcome.success());
    }
}
