package io.github.coupapoexport.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * What one execution cost, logged at its end: Coupa calls per PO by purpose (the rate budget is Coupa's scarcest
 * resource) and the peak heap. The benchmark reads both lines (README "Performance"). The execution's own count of
 * Coupa calls is also kept in its context, so that {@code report} can show the calls per PO of past runs.
 */
public class RunMeasurements implements JobExecutionListener {

    /** The Coupa calls an execution made, in its context. */
    static final String COUPA_CALLS = "coupa.calls";

    private static final Logger log = LoggerFactory.getLogger(RunMeasurements.class);

    private static final long MEGABYTE = 1024 * 1024;

    private final CoupaApi coupa;

    private final JobRepository jobRepository;

    /** The process's count of Coupa calls when the execution began: a process may run more than one. */
    private long callsBefore;

    public RunMeasurements(CoupaApi coupa, JobRepository jobRepository) {
        this.coupa = coupa;
        this.jobRepository = jobRepository;
    }

    /** The Coupa calls the execution made, if it was measured (an execution of an older version was not). */
    public static OptionalLong coupaCalls(JobExecution execution) {
        return execution.getExecutionContext().containsKey(COUPA_CALLS)
                ? OptionalLong.of(execution.getExecutionContext().getLong(COUPA_CALLS)) : OptionalLong.empty();
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        callsBefore = coupa.totalCalls();
        // A resumed execution starts with the context of the one it resumes: its count is not this one's.
        jobExecution.getExecutionContext().remove(COUPA_CALLS);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        // Never out of here: RunOutcome, whose afterJob comes after this one, must still decide the exit code.
        try {
            long read = jobExecution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
            Map<String, Long> calls = coupa.callsByPurpose();
            long total = coupa.totalCalls();
            log.info("Coupa calls: {} for {} POs read ({} per PO): {}", total, read,
                    read == 0 ? "-" : String.format(Locale.ROOT, "%.2f", (double) total / read),
                    calls.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", ")));
            // The sum of each heap pool's peak: an upper bound of the heap this run ever used.
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed())
                .sum();
            log.info("Peak heap used: {} MB of {} MB", peak / MEGABYTE, Runtime.getRuntime().maxMemory() / MEGABYTE);
        }
        catch (RuntimeException ex) {
            log.warn("Run measurements not logged: {}", ex.getMessage());
        }
        try {
            // Spring Batch saves only the execution itself after the listeners, not its context: saved here.
            jobExecution.getExecutionContext().putLong(COUPA_CALLS, coupa.totalCalls() - callsBefore);
            jobRepository.updateExecutionContext(jobExecution);
        }
        catch (RuntimeException ex) {
            log.warn("Coupa calls of execution {} not kept for the report: {}", jobExecution.getId(), ex.getMessage());
        }
    }
}
