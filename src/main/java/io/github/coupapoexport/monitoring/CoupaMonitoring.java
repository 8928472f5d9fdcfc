package io.github.coupapoexport.monitoring;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.coupapoexport.ExportProgress;
import io.github.coupapoexport.ExportTally;
import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Reports every outcome into Coupa's own monitoring, and in {@code integration-run} mode mirrors the job execution
 * onto one Coupa integration run.
 * <p>
 * What is reported comes from the export ledger, never from memory: after each chunk the outcomes the ledger shows
 * as unreported are reported and then marked reported. If Coupa stops answering in between, the outcomes stay
 * unreported and the next execution reports them first, before it exports anything.
 */
public class CoupaMonitoring implements JobExecutionListener, StepExecutionListener,
        ItemWriteListener<PurchaseOrderExport> {

    /** The Coupa integration run of an execution, kept in its context for {@code status}. */
    public static final String INTEGRATION_RUN_ID = "coupa.integration-run.id";

    static final int REPORT_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(CoupaMonitoring.class);

    private final ExportLedger ledger;

    private final OutcomeReporter reporter;

    private final CoupaMonitoringClient coupa;

    private final CoupaApi api;

    private final boolean integrationRuns;

    private Long integrationRunId;

    public CoupaMonitoring(ExportLedger ledger, OutcomeReporter reporter, CoupaMonitoringClient coupa,
            CoupaApi api, boolean integrationRuns) {
        this.ledger = ledger;
        this.reporter = reporter;
        this.coupa = coupa;
        this.api = api;
        this.integrationRuns = integrationRuns;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        integrationRunId = null;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (integrationRuns) {
            // Each execution, a resumed one too, gets a run of its own, started before the first PO is written.
            integrationRunId = coupa.createRun().id();
            stepExecution.getJobExecution().getExecutionContext().putLong(INTEGRATION_RUN_ID, integrationRunId);
            long selected = ExportProgress.selected(stepExecution);
            coupa.startRun(integrationRunId, selected);
            log.info("Coupa integration run {} started for {} selected POs", integrationRunId, selected);
        }
        reportPending();
    }

    @Override
    public void afterWrite(Chunk<? extends PurchaseOrderExport> items) {
        reportPending();
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        try {
            reportPending();
        }
        catch (RuntimeException ex) {
            log.warn("Outcomes not yet reported in Coupa stay in the export ledger for the next run: {}",
                    ex.getMessage());
        }
        if (integrationRunId != null) {
            endRun(jobExecution);
        }
        logCalls(jobExecution);
    }

    /** Reports, in batches, every outcome the ledger has not reported yet. */
    void reportPending() {
        while (true) {
            List<UnreportedOutcome> batch = ledger.unreported(REPORT_BATCH);
            if (batch.isEmpty()) {
                return;
            }
            reporter.report(batch, integrationRunId);
            ledger.recordReported(batch.stream().map(UnreportedOutcome::idempotencyKey).toList());
            if (batch.size() < REPORT_BATCH) {
                return;
            }
        }
    }

    private void endRun(JobExecution jobExecution) {
        ExportTally tally = ExportTally.of(jobExecution);
        boolean completed = jobExecution.getStatus() == BatchStatus.COMPLETED;
        try {
            coupa.recordRunProgress(integrationRunId, tally.exported() + tally.failed() + tally.skipped());
            if (completed) {
                coupa.succeedRun(integrationRunId);
            }
            else {
                coupa.failRun(integrationRunId);
            }
            log.info("Coupa integration run {} marked {}", integrationRunId, completed ? "successful" : "failed");
        }
        catch (RuntimeException ex) {
            log.error("Coupa integration run {} could not be marked {}: {}", integrationRunId,
                    completed ? "successful" : "failed", ex.getMessage());
        }
    }

    private void logCalls(JobExecution jobExecution) {
        long read = jobExecution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
        Map<String, Long> calls = api.callsByPurpose();
        long total = api.totalCalls();
        log.info("Coupa calls: {} for {} POs read ({} per PO): {}", total, read,
                read == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.2f", (double) total / read),
                calls.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", ")));
    }
}
