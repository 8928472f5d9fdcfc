package io.github.coupapoexport.cli;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import io.github.coupapoexport.ExportTally;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The one line a scheduler's log keeps of a run, and the exit code that goes with it. */
public record RunSummary(long executionId, BatchStatus status, long read, ExportTally tally, Duration duration,
        String failure) {

    public static RunSummary of(JobExecution execution) {
        long read = 0;
        ExportTally tally = ExportTally.NONE;
        for (StepExecution step : execution.getStepExecutions()) {
            read += step.getReadCount();
            tally = tally.plus(ExportTally.from(step.getExecutionContext()));
        }
        LocalDateTime start = execution.getStartTime() == null ? execution.getCreateTime() : execution.getStartTime();
        LocalDateTime end = execution.getEndTime() == null ? LocalDateTime.now() : execution.getEndTime();
        List<Throwable> failures = execution.getAllFailureExceptions();
        String failure = failures.isEmpty() ? null : rootMessage(failures.get(0));
        return new RunSummary(execution.getId(), execution.getStatus(), read, tally, Duration.between(start, end),
                failure);
    }

    public ExitCode exitCode() {
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

    /** The innermost message: Spring Batch wraps the cause that matters in its own exceptions. */
    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
