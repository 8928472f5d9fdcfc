package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.job.BaselineJobConfiguration;
import io.github.coupapoexport.job.PurchaseOrderExportJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;

/**
 * {@code stop}: asks every running execution, in whatever process or host, to stop at its next chunk boundary. It
 * finds them in the job repository by job name: the jobs themselves need Coupa and the ERP, which stop does not.
 */
public class StopCommand implements OperatorCommand {

    private static final Logger log = LoggerFactory.getLogger(StopCommand.class);

    private final JobRepository jobRepository;

    private final JobOperator jobOperator;

    private final PrintStream out;

    public StopCommand(JobRepository jobRepository, JobOperator jobOperator, PrintStream out) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.out = out;
    }

    @Override
    public String name() {
        return "stop";
    }

    /** It only asks: the execution that stops records that itself, under the run lock it holds. */
    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return false;
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) {
        List<JobExecution> running = new ArrayList<>();
        for (String job : List.of(PurchaseOrderExportJobConfiguration.JOB_NAME,
                PurchaseOrderExportJobConfiguration.REPLAY_JOB_NAME,
                PurchaseOrderExportJobConfiguration.DRY_RUN_JOB_NAME, BaselineJobConfiguration.JOB_NAME)) {
            running.addAll(jobRepository.findRunningJobExecutions(job));
        }
        if (running.isEmpty()) {
            out.println("coupa-po-export: no execution is running; nothing to stop");
        }
        for (JobExecution execution : running) {
            try {
                jobOperator.stop(execution);
                out.println("coupa-po-export: execution " + execution.getId()
                        + " will stop at its next chunk boundary; run resumes it");
            }
            catch (Exception ex) {
                log.warn("Execution {} could not be asked to stop: {}", execution.getId(), ex.getMessage());
            }
        }
        return ExitCode.COMPLETED;
    }
}
