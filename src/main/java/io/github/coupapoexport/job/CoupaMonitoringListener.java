package io.github.coupapoexport.job;


import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.monitoring.OutcomeReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.Ordered;

/**
 * Brings the job's events to Coupa's own monitoring: the outcomes the ledger holds are reported before the export
 * step and after each chunk, and in {@code integration-run} mode the job execution is mirrored onto one Coupa
 * integration run. What Coupa refused to take is recorded in the execution context, for {@link RunOutcome}.
 */
public class CoupaMonitoringListener implements JobExecutionListener, StepExecutionListener,
        ItemWriteListener<PurchaseOrderExport>, Ordered {

    /** The Coupa integration run of an execution, kept in its context for {@code status}. */
    public static final String INTEGRATION_RUN_ID = "coupa.integration-run.id";

    /** Why Coupa still shows the run of a completed execution as running. */
    static final String INTEGRATION_RUN_NOT_ENDED = "coupa.integration-run.not-ended";

    /**
     * After {@link ExportProgress} on a step, whose count of the selection the integration run reports as
     * {@code total_records}, and before {@link RunLockGuard}, which refuses a chunk before it is reported.
     */
    static final int ORDER = 0;

    private static final Logger log = LoggerFactory.getLogger(CoupaMonitoringListener.class);

    private final OutcomeReports reports;

    private final IntegrationRuns runs;

    private Long integrationRunId;

    private long jobExecutionId;

    public CoupaMonitoringListener(OutcomeReports reports, IntegrationRuns runs) {
        this.reports = reports;
        this.runs = runs;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /**
     * In integration-run mode, ends what earlier executions left open and creates this execution's run before
     * anything else can fail, so that even a failure while counting the selection shows in Coupa as a failed run.
     */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        integrationRunId = null;
        jobExecutionId = jobExecution.getId();
        if (reports.inIntegrationRuns()) {
            runs.endLeftovers();
            integrationRunId = runs.open(jobExecution.getId());
            jobExecution.getExecutionContext().putLong(INTEGRATION_RUN_ID, integrationRunId);
        }
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        if (integrationRunId != null) {
            long selected = ExportProgress.selected(stepExecution);
            runs.start(integrationRunId, selected);
            log.info("Coupa integration run {} started for {} selected POs", integrationRunId, selected);
        }
        reports.reportPending(jobExecutionId, integrationRunId);
    }

    @Override
    public void afterWrite(Chunk<? extends PurchaseOrderExport> items) {
        reports.reportPending(jobExecutionId, integrationRunId);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        try {
            reports.reportPending(jobExecutionId, integrationRunId);
        }
        catch (RuntimeException ex) {
            log.warn("Outcomes not yet reported in Coupa stay in the export ledger for the next run: {}",
                    ex.getMessage());
        }
        if (integrationRunId != null) {
            ExportTally tally = ExportTally.of(jobExecution);
            boolean completed = jobExecution.getStatus() == BatchStatus.COMPLETED;
            String failure;
            try {
                failure = runs.end(integrationRunId, completed, tally.total());
            }
            catch (RuntimeException ex) {
                // Never out of here: RunOutcome, whose afterJob comes after this one, must still decide the exit code.
                failure = "Coupa integration run " + integrationRunId + " could not be ended: " + ex.getMessage();
            }
            if (failure != null && completed) {
                jobExecution.getExecutionContext().putString(INTEGRATION_RUN_NOT_ENDED, failure);
            }
        }
    }
}
