package io.github.coupapoexport.job;

import java.time.Instant;

import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.export.BaselineProtocol;
import io.github.coupapoexport.ledger.Baselines;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import io.github.coupapoexport.mapping.ValueMaps;
import io.github.coupapoexport.settings.SettingsCheck;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code baseline --before=DATE}: POs Coupa created before a date, not yet exported, that the ERP holds already (keyed
 * in by hand before go-live) are marked exported without being sent, and recorded in the ledger as baselined. A job of
 * its own in the job repository, so that a failed or stopped baseline is resumed from its checkpoint like the export,
 * and never by {@code run}.
 */
@Configuration(proxyBeanMethods = false)
public class BaselineJobConfiguration {

    public static final String JOB_NAME = "purchaseOrderBaselineJob";

    /** Identifying: the moment before which Coupa created the POs to baseline, ISO-8601 in UTC. */
    public static final String BEFORE = "before";

    /** Identifying: makes a new baseline with the same date after a completed one a job instance of its own. */
    public static final String RUN_ID = ExportJobParameters.RUN_ID;

    @Bean
    Job purchaseOrderBaselineJob(JobRepository jobRepository, Step finishUnfinishedBaselines,
            Step baselinePurchaseOrders, LaunchedExecutions launched, Baselines baselines) {
        return new JobBuilder(JOB_NAME, jobRepository).start(finishUnfinishedBaselines)
            .next(baselinePurchaseOrders)
            .listener(launched)
            // Exit 3 while a PO of the baseline has a mark Coupa refused; 2 for refused credentials; 4 when stopped.
            .listener(new RunOutcome(jobRepository, execution -> baselines.tally(jobRepository.getJobExecutions(
                    execution.getJobInstance()).stream().map(JobExecution::getId).toList()).refused()))
            .build();
    }

    @Bean
    Step finishUnfinishedBaselines(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BaselineProtocol baselineProtocol) {
        return new StepBuilder("finishUnfinishedBaselines", jobRepository)
            .tasklet(new FinishUnfinishedBaselines(baselineProtocol), transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    /** One chunk per Coupa page, as in the export: the checkpoint moves one page at a time. */
    @Bean
    Step baselinePurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BaselineReader baselineReader, BaselineWriter baselineWriter, CoupaProperties coupa,
            RunLockGuard runLockGuard) {
        return new StepBuilder("baselinePurchaseOrders", jobRepository)
            .<CoupaPurchaseOrder, CoupaPurchaseOrder>chunk(coupa.pageSize())
            .reader(baselineReader)
            .writer(baselineWriter)
            .transactionManager(transactionManager)
            .listener(runLockGuard)
            .build();
    }

    @Bean
    BaselineProtocol baselineProtocol(SettingsCheck settings, CoupaClient coupa, Baselines baselines,
            ExportLedger ledger) {
        return new BaselineProtocol(coupa, baselines, ledger);
    }

    @Bean
    @StepScope
    BaselineReader baselineReader(CoupaClient coupa, CoupaProperties properties,
            @Value("#{jobParameters['" + BEFORE + "']}") String before) {
        return new BaselineReader(coupa, Instant.parse(before), properties.pageSize());
    }

    @Bean
    @StepScope
    BaselineWriter baselineWriter(BaselineProtocol baselineProtocol, ValueMaps valueMaps, TaskExecutor erpSenders,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new BaselineWriter(baselineProtocol, new PurchaseOrderMapper(valueMaps), erpSenders, stepExecution);
    }

    /** The parameters of one baseline job instance; never a secret, they are stored in the job repository. */
    public static JobParameters parameters(long runId, Instant before) {
        return new JobParametersBuilder().addLong(RUN_ID, runId).addString(BEFORE, before.toString()).toJobParameters();
    }
}
