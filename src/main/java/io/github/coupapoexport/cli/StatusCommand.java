package io.github.coupapoexport.cli;

import java.io.PrintStream;

import io.github.coupapoexport.job.PurchaseOrderExportJobConfiguration;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;

/** {@code status [--json]}: the last executions of the export, read from the job repository only. */
public class StatusCommand implements OperatorCommand {

    private final JobRepository jobRepository;

    private final PrintStream out;

    public StatusCommand(JobRepository jobRepository, PrintStream out) {
        this.jobRepository = jobRepository;
        this.out = out;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return false;
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) {
        ExecutionReport report = new ExecutionReport(jobRepository, PurchaseOrderExportJobConfiguration.JOB_NAME);
        if (arguments.containsOption("json")) {
            report.printJson(out);
        }
        else {
            report.print(out);
        }
        return ExitCode.COMPLETED;
    }
}
