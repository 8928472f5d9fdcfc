package io.github.coupapoexport.cli;

import java.time.LocalDateTime;
import java.util.List;

import io.github.coupapoexport.job.ExportTally;
import io.github.coupapoexport.job.RunOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit code and reason of an execution whose steps completed, as a job listener may still fail it. */
class RunSummaryTest {

    @Test
    void completedExecutionThatAListenerMarkedFailedExits1WithItsDescriptionAsTheReason() {
        // given every PO exported, and then Coupa's integration run could not be ended
        JobExecution execution = completedExecution(new ExportTally(4, 0, 0));
        execution.setExitStatus(ExitStatus.FAILED.addExitDescription(
                "Coupa integration run 901 could not be marked successful: PUT /api/integration_runs/901/success "
                        + "answered HTTP 503"));

        // when
        RunSummary summary = RunSummary.of(execution);

        // then
        assertThat(summary.exitCode()).isEqualTo(ExitCode.FAILED);
        assertThat(summary.line()).contains("status=COMPLETED", "exported=4", "exit=1",
                "reason=\"Coupa integration run 901 could not be marked successful: PUT /api/integration_runs/901/success "
                        + "answered HTTP 503\"");
    }

    @Test
    void completedExecutionExitsWithTheCodeOfTheExitStatusTheJobRecorded() {
        JobExecution clean = completedExecution(new ExportTally(4, 0, 0));
        JobExecution withRejections = completedExecution(new ExportTally(3, 1, 0));
        withRejections.setExitStatus(new ExitStatus(RunOutcome.COMPLETED_WITH_REJECTIONS));

        assertThat(RunSummary.of(clean).line()).endsWith("exit=0");
        assertThat(RunSummary.of(withRejections).line()).endsWith("exit=3");
    }

    @Test
    void resumedExecutionCountsTheFailuresOfEarlierExecutionsThatNoLaterOneReadAgain() {
        // given an execution that rejected one PO in a committed chunk, and then failed in a chunk whose two
        // failures the resumed execution read again and exported
        JobExecution earlier = execution(6, new ExportTally(10, 3, 0));
        earlier.setStatus(BatchStatus.FAILED);
        new ExportTally(8, 1, 0).writeCommittedTo(earlier.getStepExecutions().iterator().next().getExecutionContext());
        JobExecution resumed = completedExecution(new ExportTally(5, 0, 0));
        resumed.setExitStatus(new ExitStatus(RunOutcome.COMPLETED_WITH_REJECTIONS));

        // when
        RunSummary summary = RunSummary.of(resumed, List.of(earlier, resumed));

        // then
        assertThat(summary.line()).contains("read=16", "exported=15", "failed=1", "skipped=0", "exit=3");
    }

    private static JobExecution completedExecution(ExportTally tally) {
        JobExecution execution = execution(7, tally);
        execution.setStatus(BatchStatus.COMPLETED);
        execution.setExitStatus(ExitStatus.COMPLETED);
        return execution;
    }

    private static JobExecution execution(long id, ExportTally tally) {
        JobExecution execution = MetaDataInstanceFactory.createJobExecution("purchaseOrderExportJob", 3L, id);
        execution.setStartTime(LocalDateTime.of(2026, 11, 24, 10, 2, 40));
        execution.setEndTime(LocalDateTime.of(2026, 11, 24, 10, 2, 44));
        StepExecution step = MetaDataInstanceFactory.createStepExecution(execution, "exportPurchaseOrders", id + 10);
        step.setReadCount(tally.exported() + tally.failed() + tally.skipped());
        tally.writeTo(step.getExecutionContext());
        execution.addStepExecution(step);
        return execution;
    }
}
