package io.github.coupapoexport.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

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

    private final Executor coupaWork;

    /**
     * @param coupaWork the threads that make a batch's calls at the same time, one PO each: at Coupa's latencies a
     * batch of 50 made one call after the other leaves the rate limiter idle most of the time
     */
    public IntegrationRecordReporter(CoupaMonitoringClient coupa, boolean integrationRuns, Executor coupaWork) {
        this.coupa = coupa;
        this.integrationRuns = integrationRuns;
        this.coupaWork = coupaWork;
    }

    @Override
    public void report(List<UnreportedOutcome> outcomes, Long integrationRunId, Progress progress) {
        List<UnreportedOutcome> latest = Latest.perPurchaseOrder(outcomes);
        List<Long> purchaseOrderIds = latest.stream().map(UnreportedOutcome::coupaId).toList();
        List<OpenRecord> openRecords = coupa.unresolvedHistoryRecords(purchaseOrderIds);
        List<OpenRecord> openErrors = integrationRuns ? coupa.unresolvedIntegrationErrors(purchaseOrderIds) : List.of();
        Set<Long> refused = ConcurrentHashMap.newKeySet();
        // The POs at the same time, each PO's own calls in order (its new record, then the resolve of its earlier
        // ones); every call still takes its turn under the one rate limiter.
        awaitAll(latest.stream().map(outcome -> (Runnable) () -> {
            try {
                record(outcome, integrationRunId);
                progress.reported(outcome.coupaId());
            }
            catch (CoupaRefusedException ex) {
                refused.add(outcome.coupaId());
                progress.refused(outcome.coupaId(), ex.getMessage());
            }
        }).toList());
        // The earlier records are resolved only once the new one exists: a PO whose new record Coupa refused keeps
        // its open error in sight.
        List<Runnable> resolutions = new ArrayList<>();
        for (OpenRecord open : openRecords) {
            if (!refused.contains(open.documentId())) {
                resolutions.add(() -> resolve(open, () -> coupa.resolveHistoryRecord(open.id())));
            }
        }
        for (OpenRecord open : openErrors) {
            if (!refused.contains(open.documentId())) {
                resolutions.add(() -> resolve(open, () -> coupa.resolveIntegrationError(open.id())));
            }
        }
        awaitAll(resolutions);
    }

    /**
     * Runs the calls at the same time and waits for all of them, so that what Coupa took is recorded as reported even
     * when one call fails; then the first failure goes on, the others suppressed in it.
     */
    private void awaitAll(List<Runnable> calls) {
        List<CompletableFuture<Void>> running = calls.stream()
            .map(call -> CompletableFuture.runAsync(call, coupaWork))
            .toList();
        RuntimeException failure = null;
        for (CompletableFuture<Void> each : running) {
            try {
                each.join();
            }
            catch (CompletionException ex) {
                RuntimeException cause = ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
                if (failure == null) {
                    failure = cause;
                }
                else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
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
