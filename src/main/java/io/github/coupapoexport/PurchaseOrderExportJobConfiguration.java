package io.github.coupapoexport;

import java.time.Clock;
import java.time.Duration;
import java.net.http.HttpClient;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.coupa.Selection;
import io.github.coupapoexport.erp.DryRunDocumentWriter;
import io.github.coupapoexport.erp.ErpClient;
import io.github.coupapoexport.erp.ErpDocumentProcessor;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.erp.ErpPurchaseOrderWriter;
import io.github.coupapoexport.erp.ExportProtocol;
import io.github.coupapoexport.erp.UnfinishedExports;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.ReportQueue;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.monitoring.CoupaMonitoring;
import io.github.coupapoexport.monitoring.CoupaMonitoringClient;
import io.github.coupapoexport.monitoring.IntegrationRecordReporter;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.monitoring.OutcomeReporter;
import io.github.coupapoexport.monitoring.StatusFieldReporter;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import javax.sql.DataSource;

import io.github.coupapoexport.cli.LaunchedExecutions;
import io.github.coupapoexport.cli.RunLock;
import io.github.coupapoexport.cli.RunLockGuard;
import io.github.coupapoexport.cli.RunLocks;
import org.springframework.batch.core.job.Job;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/** The one job: read Coupa's POs to export, map each to an ERP document, send it, mark it exported. */
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
            CoupaMonitoring monitoring, LaunchedExecutions launched) {
        return new JobBuilder(JOB_NAME, jobRepository).start(finishUnfinishedExports)
            .next(exportPurchaseOrders)
            .listener(monitoring)
            .listener(launched)
            .build();
    }

    /** {@code --po}: named POs sent again; a job of its own, so that {@code run} never resumes a replay. */
    @Bean
    Job purchaseOrderReplayJob(JobRepository jobRepository, Step finishUnfinishedExports, Step replayPurchaseOrders,
            CoupaMonitoring monitoring, LaunchedExecutions launched) {
        return new JobBuilder(REPLAY_JOB_NAME, jobRepository).start(finishUnfinishedExports)
            .next(replayPurchaseOrders)
            .listener(monitoring)
            .listener(launched)
            .build();
    }

    /** Runs at the start of every execution, a resumed one too, before any PO is read. */
    @Bean
    Step finishUnfinishedExports(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ErpClient erp, CoupaClient coupa, ExportLedger ledger, ErpProperties erpProperties, RunLock runLock) {
        return new StepBuilder(UNFINISHED_STEP_NAME, jobRepository)
            .tasklet(new UnfinishedExports(erp, coupa, ledger, erpProperties.outageThreshold(), runLock::checkStillHeld),
                    transactionManager)
            .allowStartIfComplete(true)
            .build();
    }

    /** {@code --dry-run}: documents to files; no call that changes Coupa or the ERP, no monitoring. */
    @Bean
    Job purchaseOrderDryRunJob(JobRepository jobRepository, Step dryRunPurchaseOrders, LaunchedExecutions launched) {
        return new JobBuilder(DRY_RUN_JOB_NAME, jobRepository).start(dryRunPurchaseOrders).listener(launched).build();
    }

    @Bean
    Step exportPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, ErpDocumentProcessor processor, ErpPurchaseOrderWriter writer,
            ExportProgress progress, CoupaMonitoring monitoring, CoupaProperties coupa, RunLockGuard runLockGuard) {
        return reportedStep(STEP_NAME, jobRepository, transactionManager, reader, processor, writer, progress, monitoring,
                coupa, runLockGuard);
    }

    @Bean
    Step replayPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, ErpDocumentProcessor processor, ErpPurchaseOrderWriter writer,
            ExportProgress progress, CoupaMonitoring monitoring, CoupaProperties coupa, RunLockGuard runLockGuard) {
        return reportedStep("replayPurchaseOrders", jobRepository, transactionManager, reader, processor, writer,
                progress, monitoring, coupa, runLockGuard);
    }

    /** A step that sends to the ERP and reports every outcome in Coupa. */
    private static Step reportedStep(String name, JobRepository jobRepository,
            PlatformTransactionManager transactionManager, CoupaPurchaseOrderReader reader, ErpDocumentProcessor processor,
            ErpPurchaseOrderWriter writer, ExportProgress progress, CoupaMonitoring monitoring, CoupaProperties coupa,
            RunLockGuard runLockGuard) {
        return chunkStep(name, jobRepository, transactionManager, reader, processor, writer, coupa)
            // Progress first: it counts the selection that the integration run reports as total_records.
            .listener(progress)
            .listener(monitoring)
            // Last, so that its afterWrite (called in reverse order) refuses the chunk before monitoring reports it.
            .listener(runLockGuard)
            .build();
    }

    @Bean
    Step dryRunPurchaseOrders(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CoupaPurchaseOrderReader reader, ErpDocumentProcessor processor, CoupaProperties coupa,
            ExportProgress progress) {
        return chunkStep("dryRunPurchaseOrders", jobRepository, transactionManager, reader, processor,
                new DryRunDocumentWriter(), coupa)
            .listener(progress)
            .build();
    }

    /** One chunk per Coupa page: the checkpoint moves one page at a time. */
    private static ChunkOrientedStepBuilder<CoupaPurchaseOrder, PurchaseOrderExport> chunkStep(String name,
            JobRepository jobRepository, PlatformTransactionManager transactionManager, CoupaPurchaseOrderReader reader,
            ErpDocumentProcessor processor, ItemWriter<PurchaseOrderExport> writer, CoupaProperties coupa) {
        return new StepBuilder(name, jobRepository).<CoupaPurchaseOrder, PurchaseOrderExport>chunk(coupa.pageSize())
            .reader(reader)
            .processor(processor)
            .writer(writer)
            .transactionManager(transactionManager);
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
    CoupaMonitoring coupaMonitoring(ReportQueue reports, IntegrationRuns runs, CoupaApi coupaApi,
            CoupaProperties coupa) {
        CoupaMonitoringClient client = new CoupaMonitoringClient(coupaApi, coupa.monitoring());
        OutcomeReporter reporter = switch (coupa.monitoring().mode()) {
            case "custom-field" -> new StatusFieldReporter(client, Clock.systemUTC());
            case "history" -> new IntegrationRecordReporter(client, false);
            default -> new IntegrationRecordReporter(client, true);
        };
        return new CoupaMonitoring(reports, reporter, runs, coupaApi, "integration-run".equals(coupa.monitoring().mode()));
    }

    @Bean
    IntegrationRuns integrationRuns(CoupaApi coupaApi, CoupaProperties coupa, JdbcTemplate jdbc) {
        return new IntegrationRuns(new CoupaMonitoringClient(coupaApi, coupa.monitoring()), jdbc, Clock.systemUTC());
    }

    @Bean
    ReportQueue reportQueue(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ReportQueue(jdbc, transactionManager, Clock.systemUTC());
    }

    /** One run at a time per job repository; an unsupported repository database is a settings problem. */
    @Bean
    RunLock runLock(DataSourceProperties dataSource, DataSource dataSourceBean) {
        try {
            return RunLocks.forRepository(dataSource.determineUrl(), dataSourceBean);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSettingsException(java.util.List.of(ex.getMessage()));
        }
    }

    /** The export and the replay write only while this process still holds the run lock; the dry run takes none. */
    @Bean
    RunLockGuard runLockGuard(RunLock runLock) {
        return new RunLockGuard(runLock);
    }

    @Bean
    SettingsCheck settingsCheck(CoupaProperties coupa, ErpProperties erp, ExportProperties export) {
        return new SettingsCheck(coupa, erp, export);
    }

    /** Step-scoped, for the selection of each job; declared as the class, so that its checkpoint is saved. */
    @Bean
    @StepScope
    CoupaPurchaseOrderReader coupaPurchaseOrderReader(CoupaClient coupa, CoupaProperties properties,
            @Value("#{jobParameters['" + ExportJobParameters.PO_NUMBERS + "']}") String poNumbers) {
        return new CoupaPurchaseOrderReader(coupa, Selection.of(poNumbers), properties.pageSize());
    }

    @Bean
    ErpDocumentProcessor erpDocumentProcessor(SettingsCheck settings, ExportLedger ledger) {
        return new ErpDocumentProcessor(new PurchaseOrderMapper(settings.valueMaps()), ledger);
    }

    @Bean
    ErpPurchaseOrderWriter erpPurchaseOrderWriter(ErpClient erp, CoupaClient coupa, ExportLedger ledger,
            ExportProperties export, ErpProperties erpProperties) {
        return new ErpPurchaseOrderWriter(new ExportProtocol(erp, coupa, ledger, export.markExported()),
                erpProperties.outageThreshold(), export.concurrency());
    }

    @Bean
    ExportLedger exportLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ExportLedger(jdbc, transactionManager, Clock.systemUTC());
    }

    @Bean
    ErpClient erpClient(SettingsCheck settings, ErpProperties erp) {
        HttpClient httpClient = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(erp.connectTimeout())
            .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(erp.readTimeout());
        RestClient restClient = RestClient.builder()
            .baseUrl(erp.root())
            .requestFactory(requestFactory)
            .requestInterceptor(new WireLog("erp"))
            .defaultHeaders(headers -> {
                if (erp.bearerToken() != null && !erp.bearerToken().isBlank()) {
                    headers.setBearerAuth(erp.bearerToken().reveal());
                }
                else if (erp.username() != null && !erp.username().isBlank()) {
                    headers.setBasicAuth(erp.username(), erp.password().reveal());
                }
            })
            .build();
        return new ErpClient(restClient, Backoff.retrying(ErpClient.TransientFailure.class, erp.retry().maxRetries(),
                erp.retry().initialDelay(), erp.retry().maxDelay()), JsonMapper.builder().build());
    }
}
