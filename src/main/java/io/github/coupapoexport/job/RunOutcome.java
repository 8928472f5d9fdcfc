package io.github.coupapoexport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.ledger.ExportLedger;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.core.Ordered;

/**
 * Decides how an execution ended, as the job repository keeps it and the exit code says it: the one place that sets
 * the exit status beyond Spring Batch's own COMPLETED, FAILED and STOPPED, from facts recorded before it runs (the
 * failures, the execution context, the export ledger).
 */
public class RunOutcome implements JobExecutionListener, Ordered {

    /** Completed, but at least one PO of the job instance is still failing (exit 3). */
    public static final String COMPLETED_WITH_REJECTIONS = "COMPLETED_WITH_REJECTIONS";

    /** Completed, but a PO number given with {@code --po} is unknown to Coupa (exit 2: a rerun cannot help). */
    public static final String PO_NOT_FOUND = "COMPLETED_WITH_PO_NOT_FOUND";

    /** Failed because Coupa or the ERP refused the setup, e.g. the credentials (exit 2: a rerun cannot help). */
    public static final String SETUP_REFUSED = "FAILED_SETUP_REFUSED";

    private final JobRepository jobRepository;

    private final ToLongFunction<JobExecution> stillFailing;

    RunOutcome(JobRepository jobRepository, ToLongFunction<JobExecution> stillFailing) {
        this.jobRepository = jobRepository;
        this.stillFailing = stillFailing;
    }

    /** The export and the replay: the POs still failing are the export ledger's truth over the whole job instance. */
    public static RunOutcome fromLedger(JobRepository jobRepository, ExportLedger ledger) {
        return new RunOutcome(jobRepository, execution -> ledger.stillFailing(jobRepository.getJobExecutions(
                execution.getJobInstance()).stream().map(JobExecution::getId).toList()));
    }

    /** The dry run writes no ledger rows: its own tally is all there is. */
    public static RunOutcome fromTally(JobRepository jobRepository) {
        return new RunOutcome(jobRepository, execution -> ExportTally.of(execution).failed());
    }

    /**
     * First in order, so that its {@code afterJob}, which Spring Batch calls in reverse order, comes after every other
     * listener's: {@link CoupaMonitoringListener} records there whether Coupa's integration run could be ended.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void afterJob(JobExecution execution) {
        try {
            decide(execution);
        }
        catch (RuntimeException undecided) {
            // Without the ledger's truth, a completed run must not say that all is well.
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("the run's outcome could not be decided: "
                    + undecided.getMessage()));
        }
    }

    private void decide(JobExecution execution) {
        ExitStatus exitStatus = execution.getExitStatus();
        if (execution.getAllFailureExceptions().stream().anyMatch(RunOutcome::isSetupProblem)) {
            execution.setExitStatus(exitStatus.replaceExitCode(SETUP_REFUSED));
            return;
        }
        if (execution.getStatus() == BatchStatus.STOPPED || execution.getStatus() == BatchStatus.STOPPING) {
            // Also a job stopped before its first step, which Spring Batch leaves with the exit status COMPLETED.
            execution.setExitStatus(exitStatus.replaceExitCode(ExitStatus.STOPPED.getExitCode()));
            return;
        }
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return;
        }
        String runNotEnded = execution.getExecutionContext()
            .getString(CoupaMonitoringListener.INTEGRATION_RUN_NOT_ENDED, null);
        if (runNotEnded != null) {
            // The export is done, but Coupa shows the run as running: the exit code must not say all is well.
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription(runNotEnded));
        }
        else if (!notFound(instanceExecutions(execution)).isEmpty()) {
            execution.setExitStatus(exitStatus.replaceExitCode(PO_NOT_FOUND));
        }
        else if (stillFailing.applyAsLong(execution) > 0) {
            execution.setExitStatus(exitStatus.replaceExitCode(COMPLETED_WITH_REJECTIONS));
        }
    }

    /**
     * The PO numbers a replay asked for that no execution of its job instance read.
     *
     * @param executions the executions of one job instance
     */
    public static List<String> notFound(List<JobExecution> executions) {
        Selection selection = ExportJobParameters.selection(executions.get(0).getJobParameters());
        Set<String> read = executions.stream().flatMap(each -> each.getStepExecutions().stream())
            .flatMap(step -> CoupaPurchaseOrderReader.poNumbersRead(step.getExecutionContext()).stream())
            .collect(Collectors.toSet());
        return selection.poNumbers().stream().filter(number -> !read.contains(number)).distinct().toList();
    }

    /** The execution itself, as it is now, and the earlier ones of its job instance, as the job repository has them. */
    private List<JobExecution> instanceExecutions(JobExecution execution) {
        List<JobExecution> executions = new ArrayList<>(List.of(execution));
        jobRepository.getJobExecutions(execution.getJobInstance()).stream()
            .filter(other -> other.getId() != execution.getId())
            .forEach(executions::add);
        return executions;
    }

    /** Refused credentials fail the execution like any error, but a rerun cannot help until the setup is fixed. */
    private static boolean isSetupProblem(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CoupaCredentialsRefusedException || cause instanceof ErpSetupException) {
                return true;
            }
        }
        return false;
    }
}
