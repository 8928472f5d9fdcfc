package io.github.coupapoexport.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * What one execution cost, logged at its end: Coupa calls per PO by purpose (the rate budget is Coupa's scarcest
 * resource) and the peak heap. The benchmark reads both lines (README "Performance").
 */
public class RunMeasurements implements JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(RunMeasurements.class);

    private static final long MEGABYTE = 1024 * 1024;

    private final CoupaApi coupa;

    public RunMeasurements(CoupaApi coupa) {
        this.coupa = coupa;
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
    }
}
