package io.github.coupapoexport.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.job.ExportJobParameters;
import io.github.coupapoexport.job.ExportTally;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The one line a scheduler's log keeps of a run, and the exit code that goes with it. The counts are those of the
 * whole job instance: a resumed execution's summary includes what the executions before it did, so that a PO rejected
 * before the failure still makes the run end with exit 3.
 *
 * @param notFound PO numbers of {@code --po} that Coupa did not return
 */
public record RunSummary(long executionId, BatchStatus status, long read, ExportTally tally, Duration duration,
        String failure, ExitCode exitCode, List<String> notFound) {

    public RunSummary {
        notFound = List.copyOf(notFound);
    }

    /** The summary of one execution that is the only one of its job instance. */
    public static RunSummary of(JobExecution execution) {
        return of(execution, List.of(execution));
    }

    /**
     * @param instanceExecutions every execution of the job instance, as the job repository has them; {@code execution}
     * itself stands for the one of the same id
     */
    public static RunSummary of(JobExecution execution, List<JobExecution> instanceExecutions) {
        return of(execution, instanceExecutions, OptionalLong.empty());
    }

    /**
     * @param stillFailing when known from the export ledger, the POs of the job instance whose latest snapshot failed
     * and that are not in the ERP: the truth that the counts of the executions can only approach (a PO that failed
     * and then went through in the same instance, a PO left marked by {@code before-erp} in a chunk that failed)
     */
    public static RunSummary of(JobExecution execution, List<JobExecution> instanceExecutions, OptionalLong stillFailing) {
        List<JobExecution> executions = new ArrayList<>(List.of(execution));
        instanceExecutions.stream().filter(other -> other.getId() != execution.getId()).forEach(executions::add);
        long read = readCount(execution);
        ExportTally tally = ExportTally.of(execution);
        for (JobExecution earlier : executions.subList(1, executions.size())) {
            // Its POs done for good: its last chunk, if it failed, was read again by a later execution, so only its
            // committed failures are final; what that chunk exported or only marked stays done and is not read again.
            ExportTally whole = ExportTally.of(earlier);
            ExportTally done = new ExportTally(whole.exported(), ExportTally.committedOf(earlier).failed(), whole.skipped());
            read += done.exported() + done.failed() + done.skipped();
            tally = tally.plus(done);
        }
        if (stillFailing.isPresent()) {
            tally = new ExportTally(tally.exported(), stillFailing.getAsLong(), tally.skipped());
        }
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        List<Throwable> failures = execution.getAllFailureExceptions();
        String failure = failures.isEmpty() ? null : rootMessage(failures.get(0));
        if (failure == null && completedButFailed(execution)) {
            String description = execution.getExitStatus().getExitDescription();
            failure = description == null || description.isBlank() ? "the job ended with exit status FAILED" : description;
        }
        List<String> notFound = execution.getStatus() == BatchStatus.COMPLETED ? notFound(executions) : List.of();
        ExitCode exitCode = exitCode(execution, failures.stream().anyMatch(RunSummary::isSetupProblem), tally, notFound);
        return new RunSummary(execution.getId(), execution.getStatus(), read, tally, Duration.between(start, end),
                failure, exitCode, notFound);
    }

    private static ExitCode exitCode(JobExecution execution, boolean setupProblem, ExportTally tally,
            List<String> notFound) {
        if (setupProblem) {
            return ExitCode.CONFIGURATION_ERROR;
        }
        return switch (execution.getStatus()) {
            case COMPLETED -> {
                if (completedButFailed(execution)) {
                    yield ExitCode.FAILED;
                }
                // A number Coupa does not know stays unknown: a rerun of the same command cannot help.
                if (!notFound.isEmpty()) {
                    yield ExitCode.CONFIGURATION_ERROR;
                }
                yield tally.failed() > 0 ? ExitCode.COMPLETED_WITH_REJECTIONS : ExitCode.COMPLETED;
            }
            case STOPPED, STOPPING -> ExitCode.STOPPED;
            default -> ExitCode.FAILED;
        };
    }

    /**
     * Every step completed, but a job listener found the run failed after them (e.g. Coupa's integration run could
     * not be ended) and said so in the exit status only.
     */
    private static boolean completedButFailed(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED && execution.getExitStatus() != null
                && ExitStatus.FAILED.getExitCode().equals(execution.getExitStatus().getExitCode());
    }

    private static long readCount(JobExecution execution) {
        return execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
    }

    /** The PO numbers a replay asked for that no execution of its instance read. */
    private static List<String> notFound(List<JobExecution> executions) {
        Selection selection = ExportJobParameters.selection(executions.get(0).getJobParameters());
        Set<String> read = executions.stream().flatMap(each -> each.getStepExecutions().stream())
            .flatMap(step -> CoupaPurchaseOrderReader.poNumbersRead(step.getExecutionContext()).stream())
            .collect(Collectors.toSet());
        return selection.poNumbers().stream().filter(number -> !read.contains(number)).distinct().toList();
    }

    /** The lines printed before the summary line: each PO number of {@code --po} that Coupa did not return. */
    public List<String> notices() {
        return notFound.stream().map(number -> "coupa-po-export: PO " + number + " not found: Coupa returned no PO "
                + "with this number in the selected statuses (coupa.statuses)").toList();
    }

    /** {@code coupa-po-export: execution=7 status=COMPLETED read=30 exported=27 failed=3 skipped=0 duration=4.2s exit=3} */
    public String line() {
        StringBuilder line = new StringBuilder("coupa-po-export: execution=").append(executionId)
            .append(" status=").append(status)
            .append(" read=").append(read)
            .append(" exported=").append(tally.exported())
            .append(" failed=").append(tally.failed())
            .append(" skipped=").append(tally.skipped())
            .append(" duration=").append(String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0))
            .append(" exit=").append(exitCode.code());
        if (failure != null) {
            line.append(" reason=\"").append(failure.replace('"', '\'').replaceAll("\\s+", " ")).append('"');
        }
        return line.toString();
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

    /**
     * The message that explains the failure: the innermost of this project's own exceptions (they name the call and
     * the PO), else the innermost cause, since Spring Batch wraps what matters in exceptions of its own.
     */
    static String rootMessage(Throwable failure) {
        Throwable explanation = null;
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().startsWith("io.github.coupapoexport.")) {
                explanation = cause;
            }
            innermost = cause;
        }
        Throwable chosen = explanation != null ? explanation : innermost;
        return chosen.getMessage() == null ? chosen.getClass().getSimpleName() : chosen.getMessage();
    }
}
