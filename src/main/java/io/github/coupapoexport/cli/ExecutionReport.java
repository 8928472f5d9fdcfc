package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

import io.github.coupapoexport.job.CoupaMonitoringListener;
import io.github.coupapoexport.job.ExportTally;
import io.github.coupapoexport.job.RunMeasurements;
import io.github.coupapoexport.report.RunRow;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * The latest executions as {@code status} prints them, each with the exit status the job repository keeps and the exit
 * code the process that ran it returned: a table for a person, or ({@code status --json}) a JSON array for a script.
 */
class ExecutionReport {

    static final int EXECUTIONS = 10;

    private final JobRepository jobRepository;

    private final String jobName;

    ExecutionReport(JobRepository jobRepository, String jobName) {
        this.jobRepository = jobRepository;
        this.jobName = jobName;
    }

    /**
     * One execution as {@code status} shows it; times are local, as the job repository keeps them.
     *
     * @param integrationRun the Coupa integration run it reported to, or null
     * @param exit the exit code the process that ran it returned; null while it runs
     */
    record Execution(long execution, String status, LocalDateTime start, LocalDateTime end, long read, long exported,
            long failed, long skipped, long queued, Object integrationRun, String exitStatus, Integer exit) {
    }

    void print(PrintStream out) {
        List<Execution> executions = executions();
        if (executions.isEmpty()) {
            out.println("coupa-po-export: no executions yet");
            return;
        }
        out.printf("%-9s  %-9s  %-19s  %-19s  %6s  %8s  %6s  %7s  %6s  %-15s  %-25s  %s%n", "execution", "status",
                "start", "end", "read", "exported", "failed", "skipped", "queued", "integration-run", "exit-status",
                "exit");
        for (Execution execution : executions) {
            out.printf("%-9d  %-9s  %-19s  %-19s  %6d  %8d  %6d  %7d  %6d  %-15s  %-25s  %s%n", execution.execution(),
                    execution.status(), time(execution.start()), time(execution.end()), execution.read(),
                    execution.exported(), execution.failed(), execution.skipped(), execution.queued(),
                    execution.integrationRun() == null ? "-" : execution.integrationRun(), execution.exitStatus(),
                    execution.exit() == null ? "-" : execution.exit());
        }
    }

    /** The same executions as a JSON array, newest first, with ISO times and nulls where the table shows "-". */
    void printJson(PrintStream out) {
        out.println(ReportFormats.json(executions()));
    }

    /** The same executions as {@code report} shows them, with the Coupa calls each made. */
    List<RunRow> runRows() {
        return latest().stream().map(execution -> {
            Execution row = execution(execution);
            return new RunRow(row.execution(), row.status(), row.start(), row.end(), row.read(), row.exported(),
                    row.failed(), row.skipped(), row.queued(), RunMeasurements.coupaCalls(execution), row.exitStatus(),
                    row.exit());
        }).toList();
    }

    private List<Execution> executions() {
        return latest().stream().map(ExecutionReport::execution).toList();
    }

    private List<JobExecution> latest() {
        return jobRepository.getJobInstances(jobName, 0, EXECUTIONS).stream()
            .flatMap(instance -> jobRepository.getJobExecutions(instance).stream())
            .sorted(Comparator.comparingLong(JobExecution::getId).reversed())
            .limit(EXECUTIONS)
            .toList();
    }

    private static Execution execution(JobExecution execution) {
        long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
        ExportTally tally = ExportTally.of(execution);
        Object run = execution.getExecutionContext().get(CoupaMonitoringListener.INTEGRATION_RUN_ID);
        // The exit code the process that ran it returned; none yet while it runs.
        Integer exit = execution.isRunning() ? null : ExitCodes.of(execution.getExitStatus()).code();
        return new Execution(execution.getId(), execution.getStatus().name(), execution.getStartTime(),
                execution.getEndTime(), read, tally.exported(), tally.failed(), tally.skipped(), tally.queued(), run,
                execution.getExitStatus().getExitCode(), exit);
    }

    private static String time(LocalDateTime time) {
        return time == null ? "-" : ReportFormats.TABLE_TIME.format(time);
    }
}
