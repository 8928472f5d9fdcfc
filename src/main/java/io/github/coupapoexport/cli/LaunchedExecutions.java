package io.github.coupapoexport.cli;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The job executions this process launched, while they run. A signal to this process stops these and no other:
 * a dry run beside a real export shares its job repository, and SIGTERM to the dry run must not stop the export.
 */
public class LaunchedExecutions implements JobExecutionListener {

    private final Set<Long> running = ConcurrentHashMap.newKeySet();

    @Override
    public void beforeJob(JobExecution execution) {
        running.add(execution.getId());
    }

    @Override
    public void afterJob(JobExecution execution) {
        running.remove(execution.getId());
    }

    /** The ids of the executions of this process that have started and not yet ended. */
    Set<Long> running() {
        return Set.copyOf(running);
    }
}
