package io.github.coupapoexport.job;

import io.github.coupapoexport.export.ExportProtocol;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the POs of one step execution ended. Kept in the step's execution context so that it is saved with each
 * chunk and the summary and {@code status} can read it back.
 *
 * @param exported accepted by the ERP and marked exported in Coupa
 * @param failed rejected by the mapping or the ERP, or the ERP never answered; each stays visible in Coupa
 * @param skipped the ERP already had the snapshot (an earlier run stopped before marking it), so only marked
 * @param queued in the import queue of an ERP that decides later (staging tables), or waiting behind a snapshot that
 * is; neither exported nor failed yet
 */
public record ExportTally(long exported, long failed, long skipped, long queued) {

    static final String EXPORTED = "tally.exported";

    static final String FAILED = "tally.failed";

    static final String SKIPPED = "tally.skipped";

    static final String QUEUED = "tally.queued";

    /** The tally as of the step's last committed chunk; what a failed chunk added after it is not in it. */
    static final String COMMITTED = "tally.committed.";

    public static final ExportTally NONE = new ExportTally(0, 0, 0, 0);

    /** A tally with nothing queued: what every ERP that answers at once gives. */
    public ExportTally(long exported, long failed, long skipped) {
        this(exported, failed, skipped, 0);
    }

    public static ExportTally from(ExecutionContext context) {
        return new ExportTally(context.getLong(EXPORTED, 0), context.getLong(FAILED, 0), context.getLong(SKIPPED, 0),
                context.getLong(QUEUED, 0));
    }

    /**
     * The tally of a step execution as of its last committed chunk. A failed execution's last chunk is read again by
     * the execution that resumes it, so only this part of its failures is final. An execution recorded before this
     * was kept has only its whole tally.
     */
    public static ExportTally committedFrom(ExecutionContext context) {
        if (!context.containsKey(COMMITTED + EXPORTED)) {
            return from(context);
        }
        return new ExportTally(context.getLong(COMMITTED + EXPORTED), context.getLong(COMMITTED + FAILED),
                context.getLong(COMMITTED + SKIPPED), context.getLong(COMMITTED + QUEUED, 0));
    }

    /** The committed tallies of a job execution's steps added up. */
    public static ExportTally committedOf(JobExecution execution) {
        return execution.getStepExecutions().stream()
            .map(step -> committedFrom(step.getExecutionContext()))
            .reduce(NONE, ExportTally::plus);
    }

    /** The tally of a whole job execution: its steps' tallies added up. */
    public static ExportTally of(JobExecution execution) {
        return execution.getStepExecutions().stream()
            .map(step -> from(step.getExecutionContext()))
            .reduce(NONE, ExportTally::plus);
    }

    public void writeTo(ExecutionContext context) {
        context.putLong(EXPORTED, exported);
        context.putLong(FAILED, failed);
        context.putLong(SKIPPED, skipped);
        context.putLong(QUEUED, queued);
    }

    /** Saved with the chunk that is being committed, so that it is the tally of the committed chunks. */
    public void writeCommittedTo(ExecutionContext context) {
        context.putLong(COMMITTED + EXPORTED, exported);
        context.putLong(COMMITTED + FAILED, failed);
        context.putLong(COMMITTED + SKIPPED, skipped);
        context.putLong(COMMITTED + QUEUED, queued);
    }

    public ExportTally plusExported() {
        return new ExportTally(exported + 1, failed, skipped, queued);
    }

    public ExportTally plusFailed() {
        return new ExportTally(exported, failed + 1, skipped, queued);
    }

    public ExportTally plusSkipped() {
        return new ExportTally(exported, failed, skipped + 1, queued);
    }

    public ExportTally plusQueued() {
        return new ExportTally(exported, failed, skipped, queued + 1);
    }

    /** Every PO counted, whatever became of it. */
    public long total() {
        return exported + failed + skipped + queued;
    }

    /** One more PO that ended so: exported, skipped, or any kind of failure. */
    public ExportTally plus(ExportProtocol.Result result) {
        return switch (result) {
            case EXPORTED -> plusExported();
            case SKIPPED -> plusSkipped();
            case REJECTED, FAILED, UNANSWERED -> plusFailed();
            case QUEUED, WAITING -> plusQueued();
        };
    }

    public ExportTally plus(ExportTally other) {
        return new ExportTally(exported + other.exported, failed + other.failed, skipped + other.skipped,
                queued + other.queued);
    }
}
