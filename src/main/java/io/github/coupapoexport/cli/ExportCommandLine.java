package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.util.List;

import io.github.coupapoexport.PurchaseOrderExportJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line of contract section 1. {@code run} resumes the latest execution when it failed or was stopped,
 * and otherwise starts a new one, so that a scheduler's rerun of the same command always does the right thing.
 */
public class ExportCommandLine implements ApplicationRunner, ExitCodeGenerator {

    static final String RUN_ID = "run.id";

    private static final Logger log = LoggerFactory.getLogger(ExportCommandLine.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job job;

    private final PrintStream out;

    private ExitCode exitCode = ExitCode.FAILED;

    public ExportCommandLine(JobOperator jobOperator, JobRepository jobRepository, Job job, PrintStream out) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.job = job;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        List<String> commands = arguments.getNonOptionArgs();
        String command = commands.isEmpty() ? "run" : commands.get(0);
        if (commands.size() > 1) {
            exitCode = usage("one command at a time, got " + commands);
            return;
        }
        exitCode = switch (command) {
            case "run" -> export();
            case "stop" -> stop();
            default -> usage("unknown command '" + command + "'");
        };
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    private ExitCode export() throws Exception {
        JobExecution execution = resumeOrStart();
        if (execution == null) {
            return ExitCode.ALREADY_RUNNING;
        }
        RunSummary summary = RunSummary.of(execution);
        out.println(summary.line());
        return summary.exitCode();
    }

    private JobExecution resumeOrStart() throws Exception {
        JobInstance lastInstance = jobRepository.getLastJobInstance(PurchaseOrderExportJobConfiguration.JOB_NAME);
        JobExecution last = lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
        if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
            log.info("Resuming execution {} ({}) from its last checkpoint", last.getId(), last.getStatus());
            return jobOperator.restart(last);
        }
        if (last != null && last.isRunning()) {
            out.println("coupa-po-export: execution " + last.getId() + " is still " + last.getStatus()
                    + " in the job repository; another run is in progress");
            return null;
        }
        // No incrementer: Spring Batch 6 would ignore these parameters and could not resume by rerunning.
        long runId = last == null ? 1 : last.getJobParameters().getLong(RUN_ID, 0L) + 1;
        JobParameters parameters = new JobParametersBuilder().addLong(RUN_ID, runId).toJobParameters();
        return jobOperator.start(job, parameters);
    }

    /** Asks the running execution, in whatever process, to stop at its next chunk boundary. */
    private ExitCode stop() throws Exception {
        var running = jobRepository.findRunningJobExecutions(PurchaseOrderExportJobConfiguration.JOB_NAME);
        if (running.isEmpty()) {
            out.println("coupa-po-export: no execution is running; nothing to stop");
            return ExitCode.COMPLETED;
        }
        for (JobExecution execution : running) {
            jobOperator.stop(execution);
            out.println("coupa-po-export: execution " + execution.getId()
                    + " will stop at its next chunk boundary; run resumes it");
        }
        return ExitCode.COMPLETED;
    }

    private ExitCode usage(String problem) {
        out.println("coupa-po-export: " + problem);
        out.println("usage: java -jar coupa-po-export.jar [run|stop] [--property=value ...]");
        return ExitCode.CONFIGURATION_ERROR;
    }
}
