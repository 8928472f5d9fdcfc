package io.github.coupapoexport.job;

import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.export.UnfinishedSnapshots;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of every run: {@link UnfinishedSnapshots} finishes what earlier runs left half-done, before any PO is
 * read, and its outcomes count for this run. What it finishes is reported in Coupa by the export step, which reports
 * every unreported outcome first.
 */
public class UnfinishedExports implements Tasklet {

    private final UnfinishedSnapshots unfinished;

    public UnfinishedExports(UnfinishedSnapshots unfinished) {
        this.unfinished = unfinished;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        ExportTally tally = ExportTally.NONE;
        for (Result result : unfinished.finish(contribution.getStepExecution().getJobExecutionId())) {
            tally = tally.plus(result);
        }
        // Every outcome here is recorded for good: the whole tally counts as committed, also if a later step fails.
        tally.writeTo(contribution.getStepExecution().getExecutionContext());
        tally.writeCommittedTo(contribution.getStepExecution().getExecutionContext());
        return RepeatStatus.FINISHED;
    }
}
