package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.IdCursorPager;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.job.BaselineJobConfiguration;
import io.github.coupapoexport.job.BaselineWriter;
import io.github.coupapoexport.job.LaunchedExecutions;
import io.github.coupapoexport.ledger.Baselines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.ApplicationArguments;

/**
 * {@code baseline --before=DATE [--dry-run]}: go-live without flooding the ERP. The POs not yet exported that Coupa
 * created before the date, which the ERP holds already (keyed in by hand), are marked exported without being sent and
 * recorded in the ledger as baselined, so that a later version of one is sent as an UPDATE. A rerun of the same command
 * after a failure or a stop resumes that execution from its checkpoint, as {@code run} does. {@code --dry-run} only
 * counts: it pages the same selection and changes nothing, so it takes no lock.
 */
public class BaselineCommand implements OperatorCommand {

    private static final Logger log = LoggerFactory.getLogger(BaselineCommand.class);

    private final JobOperator jobOperator;

    private final JobRepository jobRepository;

    private final Job baselineJob;

    private final LaunchedExecutions launched;

    private final Baselines baselines;

    private final CoupaClient coupa;

    private final PrintStream out;

    private List<Throwable> failures = List.of();

    public BaselineCommand(JobOperator jobOperator, JobRepository jobRepository, Job baselineJob,
            LaunchedExecutions launched, Baselines baselines, CoupaClient coupa, PrintStream out) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.baselineJob = baselineJob;
        this.launched = launched;
        this.baselines = baselines;
        this.coupa = coupa;
        this.out = out;
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public boolean changesState(ApplicationArguments arguments) {
        return !arguments.containsOption("dry-run");
    }

    @Override
    public ExitCode execute(ApplicationArguments arguments) throws Exception {
        // ArgumentCheck refused a missing or unreadable --before before Spring started.
        Instant before = BaselineDate.parse(String.join(",", arguments.getOptionValues("before"))).orElseThrow();
        if (arguments.containsOption("dry-run")) {
            return count(before);
        }
        new StopOnSignal(this::stopLaunchedExecutions, ExportCommandLine.STOP_GRACE_PERIOD).install();
        return summarise(resumeOrStart(before), before);
    }

    /** Pages the same selection by id and counts what a baseline would mark; nothing is marked or recorded. */
    private ExitCode count(Instant before) {
        long wouldMark = 0;
        long left = 0;
        try {
            IdCursorPager ids = coupa.purchaseOrderIds(Selection.notYetExportedCreatedBefore(before), 0);
            for (List<CoupaPurchaseOrder> page = ids.next(); !page.isEmpty(); page = ids.next()) {
                for (CoupaPurchaseOrder po : page) {
                    if (baselines.leavesToExport(po.id())) {
                        left++;
                    }
                    else {
                        wouldMark++;
                    }
                }
            }
        }
        catch (CoupaCredentialsRefusedException refused) {
            failures = List.of(refused);
            out.println("coupa-po-export: baseline dry-run before=" + before + " exit=2 reason=\"" + refused.getMessage()
                    + "\"");
            return ExitCode.CONFIGURATION_ERROR;
        }
        catch (CoupaCallException failed) {
            failures = List.of(failed);
            out.println("coupa-po-export: baseline dry-run before=" + before + " exit=1 reason=\"" + failed.getMessage()
                    + "\"");
            return ExitCode.FAILED;
        }
        out.println("coupa-po-export: baseline dry-run would mark " + wouldMark + (left > 0 ? " left-to-run=" + left : "")
                + " before=" + before + " exit=0");
        return ExitCode.COMPLETED;
    }

    /**
     * Why an export must not start now, or null: the latest baseline failed, was stopped, or was left running, so the
     * POs it has not reached yet would go to the ERP as CREATEs, the flood it is there to prevent.
     */
    static String unfinished(JobRepository jobRepository) {
        JobInstance lastInstance = jobRepository.getLastJobInstance(BaselineJobConfiguration.JOB_NAME);
        JobExecution last = lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
        if (last == null || last.getStatus() == BatchStatus.COMPLETED || last.getStatus() == BatchStatus.ABANDONED) {
            return null;
        }
        String before = last.getJobParameters().getString(BaselineJobConfiguration.BEFORE);
        return "the baseline (execution " + last.getId() + ", before=" + before + ") ended " + last.getStatus()
                + "; run baseline --before=" + before + " again until it exits 0 before exporting, or the POs it has "
                + "not reached go to the ERP as CREATEs";
    }

    /**
     * Resumes the latest baseline execution when it failed, was stopped, or was left running by a process that is gone
     * (this one holds the run lock) and was for the same date; otherwise starts a new one.
     */
    private JobExecution resumeOrStart(Instant before) throws Exception {
        JobInstance lastInstance = jobRepository.getLastJobInstance(BaselineJobConfiguration.JOB_NAME);
        JobExecution last = lastInstance == null ? null : jobRepository.getLastJobExecution(lastInstance);
        if (last != null && last.isRunning()) {
            log.warn("Baseline execution {} was left {} by a process that is gone; recovering it", last.getId(),
                    last.getStatus());
            last = jobOperator.recover(last);
        }
        boolean sameDate = last != null
                && before.toString().equals(last.getJobParameters().getString(BaselineJobConfiguration.BEFORE));
        if (sameDate && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)) {
            log.info("Resuming baseline execution {} ({}) from its last checkpoint", last.getId(), last.getStatus());
            return jobOperator.restart(last);
        }
        long runId = last == null ? 1
                : last.getJobParameters().getLong(BaselineJobConfiguration.RUN_ID, 0L) + 1;
        return jobOperator.start(baselineJob, BaselineJobConfiguration.parameters(runId, before));
    }

    /**
     * {@code coupa-po-export: baseline marked=20 changed-meanwhile=1 before=... exit=0}, counted in the ledger over the
     * whole job instance, so that a resumed execution tells what the failed one did too; each PO not baselined after all
     * is named on a line before it.
     */
    private ExitCode summarise(JobExecution execution, Instant before) {
        List<JobExecution> instance = jobRepository.getJobExecutions(execution.getJobInstance());
        List<Long> ids = instance.stream().map(JobExecution::getId).toList();
        Baselines.Tally tally = baselines.tally(ids);
        long left = instance.stream().flatMap(each -> each.getStepExecutions().stream())
            .mapToLong(step -> step.getExecutionContext().getLong(BaselineWriter.LEFT_TO_EXPORT, 0L))
            .sum();
        baselines.notBaselined(ids).forEach(reason -> out.println("coupa-po-export: " + reason));
        RunSummary summary = RunSummary.of(execution, instance);
        failures = List.copyOf(execution.getAllFailureExceptions());
        log.info("Baseline execution {} ended {}", execution.getId(), execution.getStatus());
        StringBuilder line = new StringBuilder("coupa-po-export: baseline")
            .append(" marked=").append(tally.marked())
            .append(" changed-meanwhile=").append(tally.changedMeanwhile());
        if (tally.refused() > 0) {
            line.append(" refused=").append(tally.refused());
        }
        if (left > 0) {
            line.append(" left-to-run=").append(left);
        }
        line.append(" before=").append(before).append(" exit=").append(summary.exitCode().code());
        if (summary.failure() != null) {
            line.append(" reason=\"").append(summary.failure().replace('"', '\'').replaceAll("\\s+", " ")).append('"');
        }
        out.println(line);
        return summary.exitCode();
    }

    private void stopLaunchedExecutions() {
        for (Long id : launched.stopAll()) {
            out.println("coupa-po-export: baseline execution " + id + " will stop at its next chunk boundary; the same "
                    + "command resumes it");
        }
    }

    @Override
    public List<Throwable> failures() {
        return failures;
    }
}
