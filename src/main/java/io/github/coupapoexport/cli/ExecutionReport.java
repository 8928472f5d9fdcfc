package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import io.github.coupapoexport.job.CoupaMonitoringListener;
import io.github.coupapoexport.job.ExportTally;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The latest executions as {@code status} prints them, each with the exit status the job repository keeps and the exit
 * code the process that ran it returned.
 */
class ExecutionReport {

    static final int EXECUTIONS = 10;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;

    private final String jobName;

    ExecutionReport(JobRepository jobRepository, String jobName) {
        this.jobRepository = jobRepository;
        this.jobName = jobName;
    }

    void print(PrintStream out) {
        List<JobExecution> executions = jobRepository.getJobInstances(jobName, 0, EXECUTIONS).stream()
            .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
            .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
            .limit(EXECUTIONS)
            .toList();
        if (executions.isEmpty()) {
            out.println("coupa-po-export: no executions yet");
            return;
        }
        out.printf("%-9s  %-9s  %-19s  %-19s  %6s  %8s  %6s  %7s  %6s  %-15s  %-25s  %s%n", "execution", "status",
                "start", "end", "read", "exported", "failed", "skipped", "queued", "integration-run", "exit-status",
                "exit");
        for (JobExecution execution : executions) {
            long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
            ExportTally tally = ExportTally.of(execution);
            Object run = execution.getExecutionContext().get(CoupaMonitoringListener.INTEGRATION_RUN_ID);
            // The exit code the process that ran it returned; none yet while it runs.
            String exit = execution.isRunning() ? "-" : String.valueOf(ExitCodes.of(execution.getExitStatus()).code());
            out.printf("%-9d  %-9s  %-19s  %-19s  %6d  %8d  %6d  %7d  %6d  %-15s  %-25s  %s%n", execution.getId(),
                    execution.getStatus(), time(execution.getStartTime()), time(execution.getEndTime()), read,
                    tally.exported(), tally.failed(), tally.skipped(), tally.queued(), run == null ? "-" : run,
                    execution.getExitStatus().getExitCode(), exit);
        }
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : TIME.format(time);
    }
}
