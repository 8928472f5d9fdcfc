package io.github.coupapoexport.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.erp.MeasuredErp;
import io.github.coupapoexport.export.ExportProtocol;
import io.github.coupapoexport.export.UnfinishedSnapshots;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import io.github.coupapoexport.mapping.ValueMaps;
import io.github.coupapoexport.mapping.ValueMapsFile;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.monitoring.OutcomeReports;
import io.github.coupapoexport.runlock.RunLock;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The one job: read Coupa's POs to export, map each to an ERP document, send it, mark it exported.
 * <p>
 * A bean built from settings takes the {@link SettingsCheck} as its first parameter: Spring resolves parameters in
 * order, so bad settings (an unknown {@code erp.type} too, which leaves no ERP adapter to inject) are reported as
 * settings, exit 2, before anything else can fail on them.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({CoupaProperties.class, ErpProperties.class, ExportProperties.class})
public class PurchaseOrderExportJobConfiguration {

    public static final String JOB_NAME = "purchaseOrderExportJob";

    public static final String STEP_NAME = "exportPurchaseOrders";

    public static final String REPLAY_JOB_NAME = "purchaseOrderReplayJob";

    public static final String DRY_RUN_JOB_NAME = "purchaseOrderDryRunJob";

    public static final String UNFINISHED_STEP_NAME = "finishUnfinishedExports";

    /** What earlier runs left half-done is finished first, then the POs Coupa selects are exported. */
    @Bean
    Job purchaseOrderExportJob(JobRepository jobRepository, Step finishUnfinishedExports, Step exportPurchaseOrders,
            CoupaMonitoringListener monitoring, LaunchedExecutions launched, RunMeasurements measurements,
            RunMeters meters, RunOutcome runOutcome) {
        return reportedJob(JOB_NAME, jobRepository, finishUnfinishedExports, exportPurchaseOrders,
                List.of(monitoring, launched, measurements, meters, runOutcome));
    }

    /** {@code --po}: named POs sent again; a job of its own, so that {@code run} never resumes a replay. */
    @Bean
    Job purchaseOrderReplayJob(JobRepository jobRepository, Step finishUnfinishedExports, Step replayPurchaseOrders,
            CoupaMonitoringListener monitoring, LaunchedExecutions launched, RunMeasurements measurements,
            RunMeters meters, RunOutcome runOutcome) {
        return reportedJob(REPLAY_JOB_NAME, jobRepository, finishUnfinishedExports, replayPurchaseOrders,
                List.of(monitoring, launched, measurements, meters, runOutcome));
    }

    /** A job that sends to the ERP: unfinished exports first, then its own step; every outcome reported in Coupa. */
    private static Job reportedJob(String name, JobRepository jobRepository, Step finishUnfinishedExports, Step step,
            List<JobExecutionListener> listeners) {
        JobBuilder job = new JobBuilder(name, jobRepository);
        listeners.forEach(job::listener);
        return job.start(finishUnfinishedExports).next(step).build();
    }

    /** Runs at the start of every execution, a resumed one too, before any PO is read. */
    @Bean
    Step finishUnfinishedExports(SettingsCheck settings, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, Erp erp, CoupaClient coupa, ExportLedger ledger,
            ErpProperties erpProperties, RunLock runLock, MeterRegistry meters) {
        UnfinishedSnapshots unfinished = new UnfinishedSnapshots(new MeasuredErp(erp, meters), coupa, ledger,
                erpProperties.outageThreshold(), runLock::checkStillHeld)
            .withVerdictsOverdueAfter(erpProperties.verdictOverdue(), Clock.systemUTC());
        return new StepBuilder(UNFINISHED_STEP_NAME, jobRepository)
            .tasklet(new UnfinishedExports(unfinished), transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    /** {@code --dry-run}: documents to files; no call that changes Coupa or the ERP, no monitoring. */
    @Bean
    Job purchaseOrderDryRunJob(JobRepository jobRepository, Step dryRunPurchaseOrders, LaunchedExecutions launched,
            RunMeasurements measurements) {
        return new JobBuilder(DRY_RUN_JOB_NAME, jobRepository).start(dryRunPurchaseOrders)
            .listener(launched)
            .listener(measurements)
            .listener(RunOutcome.fromTally(jobRepository))
            .build();
    }

    @Bean
    Step exportPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, PurchaseOrderMappingProcessor processor, PurchaseOrderExportWriter writer,
            ExportProgress progress, CoupaMonitoringListener monitoring, CoupaProperties coupa, RunLockGuard runLockGuard) {
        return reportedStep(STEP_NAME, jobRepository, transactionManager, reader, processor, writer, progress, monitoring,
                coupa, runLockGuard);
    }

    @Bean
    Step replayPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, PurchaseOrderMappingProcessor processor, PurchaseOrderExportWriter writer,
            ExportProgress progress, CoupaMonitoringListener monitoring, CoupaProperties coupa, RunLockGuard runLockGuard) {
        return reportedStep("replayPurchaseOrders", jobRepository, transactionManager, reader, processor, writer,
                progress, monitoring, coupa, runLockGuard);
    }

    /** A step that sends to the ERP and reports every outcome in Coupa. */
    private static Step reportedStep(String name, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, CoupaPurchaseOrderReader reader, PurchaseOrderMappingProcessor processor,
            PurchaseOrderExportWriter writer, ExportProgress progress, CoupaMonitoringListener monitoring, CoupaProperties coupa,
            RunLockGuard runLockGuard) {
        // Called in the order each of them states (Ordered), whatever the order they are registered in.
        return chunkStep(name, jobRepository, transactionManager, reader, processor, writer, coupa)
            .listener(progress)
            .listener(monitoring)
            .listener(runLockGuard)
            .build();
    }

    @Bean
    Step dryRunPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, PurchaseOrderMappingProcessor processor, DryRunDocumentWriter writer,
            CoupaProperties coupa, ExportProgress progress) {
        return chunkStep("dryRunPurchaseOrders", jobRepository, transactionManager, reader, processor, writer, coupa)
            .listener(progress)
            .build();
    }

    /** One chunk per Coupa page: the checkpoint moves one page at a time. */
    private static ChunkOrientedStepBuilder<CoupaPurchaseOrder, PurchaseOrderExport> chunkStep(String name,
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CoupaPurchaseOrderReader reader,
            PurchaseOrderMappingProcessor processor, ItemWriter<PurchaseOrderExport> writer, CoupaProperties coupa) {
        return new StepBuilder(name, jobRepository).<CoupaPurchaseOrder, PurchaseOrderExport>chunk(coupa.pageSize())
            .reader(reader)
            .processor(processor)
            .writer(writer)
            .transactionManager(transactionManager);
    }

    /** Spring Batch's operator takes its jobs from this, rather than building every job itself (see BuiltJobs). */
    @Bean
    static JobRegistry jobRegistry(ConfigurableListableBeanFactory beans) {
        return new BuiltJobs(beans);
    }

    @Bean
    ExportJobs exportJobs(Job purchaseOrderExportJob, Job purchaseOrderReplayJob, Job purchaseOrderDryRunJob) {
        return new ExportJobs(purchaseOrderExportJob, purchaseOrderReplayJob, purchaseOrderDryRunJob);
    }

    @Bean
    ExportProgress exportProgress(CoupaClient coupaClient) {
        return new ExportProgress(coupaClient, Clock.systemUTC());
    }

    @Bean
    CoupaMonitoringListener coupaMonitoring(OutcomeReports reports, IntegrationRuns runs) {
        return new CoupaMonitoringListener(reports, runs);
    }

    @Bean
    RunMeasurements runMeasurements(CoupaApi coupaApi, JobRepository jobRepository) {
        return new RunMeasurements(coupaApi, jobRepository);
    }

    @Bean
    RunMeters runMeters(MeterRegistry meters, FailingPurchaseOrders failing) {
        return new RunMeters(meters, failing, Clock.systemUTC());
    }

    /** The exit status of the export and the replay, from the export ledger. */
    @Bean
    RunOutcome runOutcome(JobRepository jobRepository, ExportLedger ledger) {
        return RunOutcome.fromLedger(jobRepository, ledger);
    }

    /** The export and the replay write only while this process still holds the run lock; the dry run takes none. */
    @Bean
    RunLockGuard runLockGuard(RunLock runLock) {
        return new RunLockGuard(runLock);
    }

    @Bean
    ValueMaps valueMaps(SettingsCheck settings, ExportProperties export) {
        return ValueMapsFile.loadConfigured(export.valueMaps());
    }

    /** Step-scoped, for the selection of each job; declared as the class, so that its checkpoint is saved. */
    @Bean
    @StepScope
    CoupaPurchaseOrderReader coupaPurchaseOrderReader(CoupaClient coupa, CoupaProperties properties,
            @Value("#{jobParameters['" + ExportJobParameters.PO_NUMBERS + "']}") String poNumbers) {
        return new CoupaPurchaseOrderReader(coupa, Selection.of(poNumbers), properties.pageSize());
    }

    @Bean
    PurchaseOrderMappingProcessor purchaseOrderMappingProcessor(ValueMaps valueMaps, ExportLedger ledger) {
        return new PurchaseOrderMappingProcessor(new PurchaseOrderMapper(valueMaps), ledger);
    }

    /** Step-scoped, so that each step execution has a tally and an outage count of its own. */
    @Bean
    @StepScope
    PurchaseOrderExportWriter erpPurchaseOrderWriter(SettingsCheck settings, Erp erp, CoupaClient coupa,
            ExportLedger ledger, ExportProperties export, ErpProperties erpProperties, TaskExecutor erpSenders,
            @Value("#{stepExecution}") StepExecution stepExecution, MeterRegistry meters, RunMeters runMeters) {
        return new PurchaseOrderExportWriter(new ExportProtocol(new MeasuredErp(erp, meters), coupa, ledger,
                export.markExported()), erpSenders, erpProperties.outageThreshold(), stepExecution, runMeters::counted);
    }

    /**
     * The threads that send a chunk's POs to the ERP and mark them in Coupa, {@code export.concurrency} at a time;
     * daemons, so that none keeps a stopping process alive, and shut down with the application.
     */
    @Bean
    ThreadPoolTaskExecutor erpSenders(SettingsCheck settings, ExportProperties export) {
        ThreadPoolTaskExecutor senders = new ThreadPoolTaskExecutor();
        senders.setCorePoolSize(export.concurrency());
        senders.setMaxPoolSize(export.concurrency());
        senders.setThreadNamePrefix("erp-sender-");
        senders.setDaemon(true);
        return senders;
    }

    /** Step-scoped, for the {@code --out} folder of each dry run; declared as the class, so that it makes the folder. */
    @Bean
    @StepScope
    DryRunDocumentWriter dryRunDocumentWriter(Erp erp,
            @Value("#{jobParameters['" + ExportJobParameters.OUT + "']}") String out,
            @Value("#{stepExecution}") StepExecution stepExecution) {
        return new DryRunDocumentWriter(erp, Path.of(out), stepExecution);
    }

}
