package io.github.coupapoexport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.ledger.ReportQueue;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.monitoring.OutcomeReporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
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
public class CoupaMonitoringListener implements JobExecutionListener, StepExecutionListener,
        ItemWriteListener<PurchaseOrderExport> {

    /** The Coupa integration run of an execution, kept in its context for {@code status}. */
    public static final String INTEGRATION_RUN_ID = "coupa.integration-run.id";

    static final int REPORT_BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(CoupaMonitoringListener.class);

    private final ReportQueue reports;

    private final OutcomeReporter reporter;

    private final IntegrationRuns runs;

    private final CoupaApi api;

    private final boolean integrationRuns;

    private Long integrationRunId;

    private long jobExecutionId;

    public CoupaMonitoringListener(ReportQueue reports, OutcomeReporter reporter, IntegrationRuns runs, CoupaApi api,
            boolean integrationRuns) {
        this.reports = reports;
        this.reporter = reporter;
        this.runs = runs;
        this.api = api;
        this.integrationRuns = integrationRuns;
    }

    /**
     * In integration-run mode, ends what earlier executions left open and creates this execution's run before
     * anything else can fail, so that even a failure while counting the selection shows in Coupa as a failed run.
     */
    @Override
    public void beforeJob(JobExecution jobExecution) {
        integrationRunId = null;
        jobExecutionId = jobExecution.getId();
        if (integrationRuns) {
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
            ExportTally tally = ExportTally.of(jobExecution);
            boolean completed = jobExecution.getStatus() == BatchStatus.COMPLETED;
            String failure = runs.end(integrationRunId, completed, tally.exported() + tally.failed() + tally.skipped());
            if (failure != null && completed) {
                // The export is done, but Coupa shows the run as running: the exit code must not say all is well.
                jobExecution.setExitStatus(ExitStatus.FAILED.addExitDescription(failure));
            }
        }
        logCalls(jobExecution);
    }

    /**
     * Reports, in batches, every outcome the ledger has not reported yet. A report Coupa refuses for one PO is left
     * for the next execution (and given up after a few), never retried in front of the others.
     */
    void reportPending() {
        if (integrationRuns && integrationRunId == null) {
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
            List<String> reported = new ArrayList<>();
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

    private void logCalls(JobExecution jobExecution) {
        long read = jobExecution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
        Map<String, Long> calls = api.callsByPurpose();
        long total = api.totalCalls();
        log.info("Coupa calls: {} for {} POs read ({} per PO): {}", total, read,
                read == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) total / read),
                calls.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                    .collect(Collectors.joining(", ")));
    }
}
