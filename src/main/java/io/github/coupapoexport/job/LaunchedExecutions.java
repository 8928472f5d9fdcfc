package io.github.coupapoexport.job;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * The job executions this process launched, while they run. A signal to this process stops these and no other:
 * a dry run beside a real export shares its job repository, and SIGTERM to the dry run must not stop the export.
 */
public class LaunchedExecutions implements JobExecutionListener {

    private final Map<Long, JobExecution> running = new ConcurrentHashMap<>();

    @Override
    public void beforeJob(JobExecution execution) {
        running.put(execution.getId(), execution);
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    /** The ids of the executions of this process that have started and not yet ended. */
    Set<Long> running() {
        return Set.copyOf(running.keySet());
    }

    /**
     * Asks this process's own executions to stop at their next chunk boundary, through the live objects the job and
     * its steps check, not through the job repository: {@code JobOperator.stop} rewrites the step executions it
     * loads while the running step still updates them, and that step then fails on its version.
     *
     * @return the ids of the executions asked to stop
     */
    public Set<Long> stopAll() {
        for (JobExecution execution : running.values()) {
            execution.setStatus(BatchStatus.STOPPING);
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setTerminateOnly();
                }
            }
        }
        return running();
    }
}
