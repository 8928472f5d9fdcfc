package io.github.coupapoexport.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import io.github.coupapoexport.job.ExportTally;
import io.github.coupapoexport.job.RunOutcome;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The one line a scheduler's log keeps of a run, and the exit code that goes with it: the code of the exit status
 * the job recorded ({@link RunOutcome}, mapped by {@link ExitCodes}), so that {@code status} tells the same. The counts
 * are those of the whole job instance: a resumed execution's summary includes what the executions before it did, as
 * its exit status does (a PO rejected before the failure still makes the run end with exit 3).
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
            ExportTally done = new ExportTally(whole.exported(), ExportTally.committedOf(earlier).failed(),
                    whole.skipped(), whole.queued());
            read += done.total();
            tally = tally.plus(done);
        }
        if (stillFailing.isPresent()) {
            tally = new ExportTally(tally.exported(), stillFailing.getAsLong(), tally.skipped(), tally.queued());
        }
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        List<Throwable> failures = execution.getAllFailureExceptions();
        String failure = failures.isEmpty() ? null : rootMessage(failures.get(0));
        if (failure == null && completedButFailed(execution)) {
            String description = execution.getExitStatus().getExitDescription();
            failure = description == null || description.isBlank() ? "the job ended with exit status FAILED" : description;
        }
        List<String> notFound = execution.getStatus() == BatchStatus.COMPLETED ? RunOutcome.notFound(executions)
                : List.of();
        return new RunSummary(execution.getId(), execution.getStatus(), read, tally, Duration.between(start, end),
                failure, ExitCodes.of(execution.getExitStatus()), notFound);
    }

    /**
     * Every step completed, but {@link RunOutcome} found the run failed after them (Coupa's integration run could not
     * be ended) and said so in the exit status only.
     */
    private static boolean completedButFailed(JobExecution execution) {
        return execution.getStatus() == BatchStatus.COMPLETED && execution.getExitStatus() != null
                && ExitStatus.FAILED.getExitCode().equals(execution.getExitStatus().getExitCode());
    }

    private static long readCount(JobExecution execution) {
        return execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
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
            .append(" skipped=").append(tally.skipped());
        if (tally.queued() > 0) {
            // Only an ERP that imports later queues; the line stays as it was for every other.
            line.append(" queued=").append(tally.queued());
        }
        line.append(" duration=").append(String.format(Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0))
            .append(" exit=").append(exitCode.code());
        if (failure != null) {
            line.append(" reason=\"").append(failure.replace('"', '\'').replaceAll("\\s+", " ")).append('"');
        }
        return line.toString();
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
