package io.github.coupapoexport.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import io.github.coupapoexport.ExportTally;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.erp.ErpSetupException;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The one line a scheduler's log keeps of a run, and the exit code that goes with it. */
public record RunSummary(long executionId, BatchStatus status, long read, ExportTally tally, Duration duration,
        String failure, boolean setupProblem) {

    public static RunSummary of(JobExecution execution) {
        long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
        ExportTally tally = ExportTally.of(execution);
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        List<Throwable> failures = execution.getAllFailureExceptions();
        String failure = failures.isEmpty() ? null : rootMessage(failures.get(0));
        boolean setupProblem = failures.stream().anyMatch(RunSummary::isSetupProblem);
        return new RunSummary(execution.getId(), execution.getStatus(), read, tally, Duration.between(start, end),
                failure, setupProblem);
    }

    public ExitCode exitCode() {
        if (setupProblem) {
            return ExitCode.CONFIGURATION_ERROR;
        }
        return switch (status) {
            case COMPLETED -> tally.failed() > 0 ? ExitCode.COMPLETED_WITH_REJECTIONS : ExitCode.COMPLETED;
            case STOPPED, STOPPING -> ExitCode.STOPPED;
            default -> ExitCode.FAILED;
        };
    }

    /** {@code coupa-po-export: execution=7 status=COMPLETED read=30 exported=27 failed=3 skipped=0 duration=4.2s exit=3} */
    public String line() {
        StringBuilder line = new StringBuilder("coupa-po-export: execution=").append(executionId)
            .append(" status=").append(status)
            .append(" read=").append(read)
            .append(" exported=").append(tally.exported())
            .append(" failed=").append(tally.failed())
            .append(" skipped=").append(tally.skipped())
            .append(" duration=").append(String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0))
            .append(" exit=").append(exitCode().code());
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
