package io.github.coupapoexport.job;

import io.github.coupapoexport.export.BaselineProtocol;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The first step of every baseline execution, a resumed one too: snapshots an earlier one recorded as baselined and
 * never saw marked (it failed or was killed between the two) are marked now, before any PO is read.
 */
public class FinishUnfinishedBaselines implements Tasklet {

    private final BaselineProtocol protocol;

    public FinishUnfinishedBaselines(BaselineProtocol protocol) {
        this.protocol = protocol;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        protocol.finishUnmarked(contribution.getStepExecution().getJobExecutionId());
        return RepeatStatus.FINISHED;
    }
}
