package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.coupapoexport.job.BaselineJobConfiguration;
import io.github.coupapoexport.job.ExportJobParameters;
import io.github.coupapoexport.job.ExportJobs;
import io.github.coupapoexport.job.LaunchedExecutions;
import io.github.coupapoexport.job.PurchaseOrderExportJobConfiguration;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.runlock.RunLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line (README "Commands"). {@code run} resumes the latest execution when it failed, was stopped, or
 * was left STARTED by a process that is gone, and otherwise starts a new one, so that a scheduler's rerun of the
 * same command always does the right thing.
 */
public class ExportCommandLine implements ApplicationRunner, ExitCodeGenerator {

    static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(25);

    private static final Logger log = LoggerFactory.getLogger(ExportCommandLine.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    /** Built on first use: the jobs need Coupa and the ERP, which {@code status} does not. */
    private final ObjectProvider<ExportJobs> jobs;

    private final RunLock runLock;

    private final LaunchedExecutions launched;

    private final ObjectProvider<IntegrationRuns> integrationRuns;

    private final ExportLedger ledger;

    private final FailingPurchaseOrders failingPurchaseOrders;

    private final OperatorCommands operatorCommands;

    private final PrintStream out;

    private ExitCode exitCode = ExitCode.FAILED;

    /** What failed the execution summarised last, for the alerts; empty when it did not fail. */
    private List<Throwable> failures = List.of();

    private String failureReason;

    public ExportCommandLine(JobOperator jobOperator, JobRepository jobRepository, ObjectProvider<ExportJobs> jobs,
            RunLock runLock, LaunchedExecutions launched, ObjectProvider<IntegrationRuns> integrationRuns,
            ExportLedger ledger, FailingPurchaseOrders failingPurchaseOrders, OperatorCommands operatorCommands,
            PrintStream out) {
        this.operatorCommands = operatorCommands;
        this.failingPurchaseOrders = failingPurchaseOrders;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.runLock = runLock;
        this.launched = launched;
        this.integrationRuns = integrationRuns;
        this.ledger = ledger;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments arguments) throws Exception {
        // ArgumentCheck has refused anything but one known command and valid options before Spring started.
        List<String> commands = arguments.getNonOptionArgs();
        String command = commands.isEmpty() ? "run" : commands.get(0);
        String poNumbers = option(arguments, "po");
        Optional<OperatorCommand> operatorCommand = operatorCommands.named(command);
        if (operatorCommand.isPresent()) {
            exitCode = operatorCommand(operatorCommand.get(), arguments);
            return;
        }
        exitCode = switch (command) {
            case "retry" -> retry(poNumbers != null ? poNumbers : failingOfClass(option(arguments, "class")));
            case "recover" -> whileHoldingTheRunLock(this::recover);
            default -> {
                if (arguments.containsOption("dry-run")) {
                    // Changes nothing, so it needs no lock and may run beside a real export.
                    Path folder = Path.of(option(arguments, "out") == null ? "dry-run" : option(arguments, "out"));
                    yield launch(jobs().dryRun(), ExportJobParameters.of(System.currentTimeMillis(), poNumbers, folder),
                            " dry-run out=" + folder.toAbsolutePath());
                }
                if (poNumbers != null) {
                    yield whileHoldingTheRunLock(() -> launch(jobs().replay(),
                            ExportJobParameters.of(System.currentTimeMillis(), poNumbers, null), " replay po=" + poNumbers));
                }
                yield whileHoldingTheRunLock(this::export);
            }
        };
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }

    /** The exceptions that failed the execution this command ran, empty when none did (or it ran none). */
    public List<Throwable> failures() {
        return failures;
    }

    /** The summary's reason for a failed execution, as its line shows it; null when it did not fail. */
    public String failureReason() {
        return failureReason;
    }

    private ExitCode whileHoldingTheRunLock(Command command) throws Exception {
        if (!runLock.tryAcquire()) {
            out.println("coupa-po-export: another execution is running against this job repository ("
                    + runLock.describe() + "); try again later");
            return ExitCode.ALREADY_RUNNING;
        }
        try {
            return command.execute();
        }
        finally {
            runLock.release();
        }
    }

    private ExitCode operatorCommand(OperatorCommand command, ApplicationArguments arguments) throws Exception {
        ExitCode ended = command.changesState(arguments) ? whileHoldingTheRunLock(() -> command.execute(arguments))
                : command.execute(arguments);
        failures = command.failures();
        return ended;
    }

    private ExitCode export() throws Exception {
        String baselineUnfinished = BaselineCommand.unfinished(jobRepository);
        if (baselineUnfinished != null) {
            failureReason = baselineUnfinished;
            out.println("coupa-po-export: " + baselineUnfinished + "; exit 2");
            return ExitCode.CONFIGURATION_ERROR;
        }
        new StopOnSignal(this::stopLaunchedExecutions, STOP_GRACE_PERIOD).install();
        return summarise(resumeOrStart(), "");
    }

    /** A replay or a dry run: always a new instance of its own job, never resumed by {@code run}. */
    private ExitCode launch(Job job, JobParameters parameters, String what) throws Exception {
        new StopOnSignal(this::stopLaunchedExecutions, STOP_GRACE_PERIOD).install();
        return summarise(jobOperator.start(job, parameters), what);
    }

    private ExitCode summarise(JobExecution execution, String what) {
        List<JobExecution> instance = jobRepository.getJobExecutions(execution.getJobInstance());
        // A dry run writes no ledger rows: its own counts are all there is.
        OptionalLong stillFailing = execution.getJobInstance().getJobName()
            .equals(PurchaseOrderExportJobConfiguration.DRY_RUN_JOB_NAME)
                ? OptionalLong.empty()
                : OptionalLong.of(ledger.stillFailing(instance.stream().map(JobExecution::getId).toList()));
        RunSummary summary = RunSummary.of(execution, instance, stillFailing);
        failures = List.copyOf(execution.getAllFailureExceptions());
        failureReason = summary.failure();
        summary.notices().forEach(out::println);
        out.println(summary.line() + what);
        return summary.exitCode();
    }

    private JobExecution resumeOrStart() throws Exception {
        JobExecution last = lastExecution();
        if (last != null && last.isRunning()) {
            // This process holds the run lock, so whatever started that execution is gone (kill -9, power loss).
            log.warn("Execution {} was left {} by a process that is gone; recovering it", last.getId(), last.getStatus());
            last = jobOperator.recover(last);
        }
        if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
            log.info("Resuming execution {} ({}) from its last checkpoint", last.getId(), last.getStatus());
            return jobOperator.restart(last);
        }
        // No incrementer: Spring Batch 6 would ignore these parameters and could not resume by rerunning.
        long runId = last == null ? 1 : last.getJobParameters().getLong(ExportJobParameters.RUN_ID, 0L) + 1;
        return jobOperator.start(jobs().export(), ExportJobParameters.of(runId, null, null));
    }

    /**
     * Marks an execution left STARTED by a dead process as FAILED, and ends the Coupa integration runs such processes
     * left running; the run lock proves their processes are gone.
     */
    private ExitCode recover() {
        integrationRuns.getObject().endLeftovers();
        JobExecution last = lastExecution();
        if (last == null || !last.isRunning()) {
            out.println("coupa-po-export: nothing to recover; the latest execution is "
                    + (last == null ? "none" : last.getId() + " " + last.getStatus()));
            return ExitCode.COMPLETED;
        }
        JobExecution recovered = jobOperator.recover(last);
        out.println("coupa-po-export: execution " + recovered.getId() + " marked " + recovered.getStatus()
                + "; run resumes it from its last checkpoint");
        return ExitCode.COMPLETED;
    }

    /** On a signal: this process's own executions only, never one another process runs on the same repository. */
    private void stopLaunchedExecutions() {
        for (Long id : launched.stopAll()) {
            out.println("coupa-po-export: execution " + id + " will stop at its next chunk boundary; run resumes it");
        }
    }

    /**
     * Exports these POs again now, through the replay path ({@code --po}): the way back for a PO that would otherwise
     * wait for a buyer's change in Coupa. Nothing to retry is a clean run of nothing.
     */
    private ExitCode retry(String poNumbers) throws Exception {
        if (poNumbers.isEmpty()) {
            out.println("coupa-po-export: no failing PO of that class to retry");
            return ExitCode.COMPLETED;
        }
        return whileHoldingTheRunLock(() -> launch(jobs().replay(),
                ExportJobParameters.of(System.currentTimeMillis(), poNumbers, null), " retry po=" + poNumbers));
    }

    /** The PO numbers of the failing POs of a class of {@code failures}; a PO without a number cannot be selected. */
    private String failingOfClass(String failureClass) {
        List<String> numbers = new ArrayList<>();
        for (FailingPurchaseOrder po : failingPurchaseOrders.list()) {
            if (!po.failureClass().label().equals(failureClass)) {
                continue;
            }
            if (po.poNumber() == null || po.poNumber().isBlank() || po.poNumber().contains(",")) {
                out.println("coupa-po-export: PO with Coupa id " + po.coupaId() + " has no PO number that --po can "
                        + "select; replay it by its number once it has one");
                continue;
            }
            numbers.add(po.poNumber());
        }
        return String.join(",", numbers);
    }

    private ExportJobs jobs() {
        return jobs.getObject();
    }

    private JobExecution lastExecution() {
        JobInstance lastInstance = jobRepository.getLastJobInstance(PurchaseOrderExportJobConfiguration.JOB_NAME);
        return lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
    }

    private static String option(ApplicationArguments arguments, String name) {
        List<String> values = arguments.getOptionValues(name);
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    @FunctionalInterface
    private interface Command {

        ExitCode execute() throws Exception;
    }
}
