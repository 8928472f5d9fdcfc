package io.github.coupapoexport.monitoring;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.MonitoringMode;
import io.github.coupapoexport.ledger.ReportQueue;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports every outcome into Coupa's own monitoring, in the way of the configured mode.
 * <p>
 * What is reported comes from the export ledger, never from memory: the outcomes the ledger shows as unreported are
 * reported and then marked reported. If Coupa stops answering in between, the outcomes stay unreported and the next
 * execution reports them first, before it exports anything.
 */
public class OutcomeReports {

    static final int REPORT_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(OutcomeReports.class);

    private final MonitoringMode mode;

    private final ReportQueue reports;

    private final OutcomeReporter reporter;

    public OutcomeReports(MonitoringMode mode, ReportQueue reports, OutcomeReporter reporter) {
        this.mode = mode;
        this.reports = reports;
        this.reporter = reporter;
    }

    /** The reports of the configured mode, through {@code client}. */
    public static OutcomeReports of(MonitoringMode mode, ReportQueue reports, CoupaMonitoringClient client,
            Clock clock, Executor coupaWork) {
        OutcomeReporter reporter = switch (mode) {
            case CUSTOM_FIELD -> new StatusFieldReporter(client, clock);
            case HISTORY -> new IntegrationRecordReporter(client, false, coupaWork);
            case INTEGRATION_RUN -> new IntegrationRecordReporter(client, true, coupaWork);
        };
        return new OutcomeReports(mode, reports, reporter);
    }

    /** In integration-run mode, every execution has a Coupa integration run, and its records belong to that run. */
    public boolean inIntegrationRuns() {
        return mode == MonitoringMode.INTEGRATION_RUN;
    }

    /**
     * Reports, in batches, every outcome the ledger has not reported yet. A report Coupa refuses for one PO is left
     * for the next execution (and given up after a few), never retried in front of the others.
     *
     * @param integrationRunId the execution's Coupa integration run in integration-run mode, else null
     */
    public void reportPending(long jobExecutionId, Long integrationRunId) {
        if (inIntegrationRuns() && integrationRunId == null) {
            // Coupa never gave this execution a run: its records would belong to none. The next execution reports them.
            return;
        }
        while (true) {
            List<UnreportedOutcome> batch = reports.unreported(REPORT_BATCH, jobExecutionId);
            if (batch.isEmpty()) {
                return;
            }
            Map<Long, List<String>> keysByPurchaseOrder = batch.stream().collect(Collectors.groupingBy(
                    UnreportedOutcome::coupaId, Collectors.mapping(UnreportedOutcome::idempotencyKey, Collectors.toList())));
            // Reported from the threads that make the batch's calls at the same time.
            List<String> reported = Collections.synchronizedList(new ArrayList<>());
            try {
                reporter.report(batch, integrationRunId, new OutcomeReporter.Progress() {

                    @Override
                    public void reported(long coupaId) {
                        reported.addAll(keysByPurchaseOrder.get(coupaId));
                    }

                    @Override
                    public void refused(long coupaId, String refusal) {
                        boolean givenUp = reports.recordRefused(keysByPurchaseOrder.get(coupaId), refusal,
                                jobExecutionId);
                        log.warn("Coupa refused the report of PO {}{}: {}", label(batch, coupaId), givenUp
                                ? " for the " + ReportQueue.MAX_REFUSALS + "th run in a row; given up"
                                : "; the next run tries again", refusal);
                    }
                });
            }
            finally {
                // Also when Coupa fails midway: what it took is never created again by the next run.
                reports.recordReported(reported);
            }
            if (batch.size() < REPORT_BATCH) {
                return;
            }
        }
    }

    private static String label(List<UnreportedOutcome> batch, long coupaId) {
        return batch.stream().filter(outcome -> outcome.coupaId() == coupaId).findFirst()
            .map(UnreportedOutcome::label).orElse("with Coupa id " + coupaId);
    }
}
