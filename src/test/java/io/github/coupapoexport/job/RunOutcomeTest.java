package io.github.coupapoexport.job;

import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.CompositeJobExecutionListener;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit status an execution is recorded with, decided from the facts recorded before the job ends. */
class RunOutcomeTest {

    private final ResourcelessJobRepository jobRepository = new ResourcelessJobRepository();

    @Test
    void completedExecutionWithPosStillFailingEndsCompletedWithRejections() {
        // given
        JobExecution execution = execution(BatchStatus.COMPLETED, ExitStatus.COMPLETED);

        // when the ledger shows one PO of the job instance still failing
        outcome(1).afterJob(execution);

        // then
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunOutcome.COMPLETED_WITH_REJECTIONS);
    }

    @Test
    void completedExecutionWithNothingFailingStaysCompleted() {
        JobExecution execution = execution(BatchStatus.COMPLETED, ExitStatus.COMPLETED);

        outcome(0).afterJob(execution);

        assertThat(execution.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void integrationRunCoupaWouldNotEndFailsTheRunWhateverOrderTheListenersWereRegisteredIn() {
        // given the outcome registered before the monitoring listener that records the fact in its afterJob
        JobExecution execution = execution(BatchStatus.COMPLETED, ExitStatus.COMPLETED);
        CompositeJobExecutionListener listeners = new CompositeJobExecutionListener();
        listeners.register(outcome(1));
        listeners.register(new JobExecutionListener() {

            @Override
            public void afterJob(JobExecution jobExecution) {
                jobExecution.getExecutionContext().putString(CoupaMonitoringListener.INTEGRATION_RUN_NOT_ENDED,
                        "Coupa integration run 901 could not be marked successful");
            }
        });

        // when
        listeners.afterJob(execution);

        // then the outcome decided last, from the fact
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(execution.getExitStatus().getExitDescription())
            .isEqualTo("Coupa integration run 901 could not be marked successful");
    }

    @Test
    void refusedCredentialsAreASetupProblem() {
        JobExecution execution = execution(BatchStatus.FAILED, ExitStatus.FAILED);
        execution.addFailureException(new IllegalStateException("step failed",
                new CoupaCredentialsRefusedException("Coupa refused the client credentials", null)));

        outcome(0).afterJob(execution);

        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(RunOutcome.SETUP_REFUSED);
    }

    @Test
    void executionStoppedBeforeItsFirstStepEndsStopped() {
        // given Spring Batch's record of a job stopped before it ran: STOPPED, with the exit status COMPLETED
        JobExecution execution = execution(BatchStatus.STOPPED, ExitStatus.COMPLETED);

        outcome(0).afterJob(execution);

        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.STOPPED.getExitCode());
    }

    @Test
    void completedExecutionWhoseRejectionsCannotBeCountedFailsInsteadOfClaimingSuccess() {
        // given a completed execution, and a ledger that cannot be read at the end of the run
        JobExecution execution = execution(BatchStatus.COMPLETED, ExitStatus.COMPLETED);
        RunOutcome outcome = new RunOutcome(jobRepository, failing -> {
            throw new IllegalStateException("connection lost");
        });

        // when
        outcome.afterJob(execution);

        // then
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo(ExitStatus.FAILED.getExitCode());
        assertThat(execution.getExitStatus().getExitDescription()).contains("could not be decided", "connection lost");
    }

    private RunOutcome outcome(long stillFailing) {
        return new RunOutcome(jobRepository, execution -> stillFailing);
    }

    private JobExecution execution(BatchStatus status, ExitStatus exitStatus) {
        JobInstance instance = jobRepository.createJobInstance(PurchaseOrderExportJobConfiguration.JOB_NAME,
                new JobParameters());
        JobExecution execution = jobRepository.createJobExecution(instance, new JobParameters(),
                new ExecutionContext());
        execution.setStatus(status);
        execution.setExitStatus(exitStatus);
        return execution;
    }
}
