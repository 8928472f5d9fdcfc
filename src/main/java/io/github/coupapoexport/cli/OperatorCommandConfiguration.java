package io.github.coupapoexport.cli;

import java.time.Clock;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.job.LaunchedExecutions;
import io.github.coupapoexport.ledger.Baselines;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.github.coupapoexport.ledger.Reconciliations;
import io.github.coupapoexport.reconciliation.Reconciler;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The commands besides the export itself, each found by {@link ExportCommandLine} by its word. */
@Configuration(proxyBeanMethods = false)
public class OperatorCommandConfiguration {

    @Bean
    StatusCommand statusCommand(JobRepository jobRepository) {
        return new StatusCommand(jobRepository, System.out);
    }

    @Bean
    StopCommand stopCommand(JobRepository jobRepository, JobOperator jobOperator) {
        return new StopCommand(jobRepository, jobOperator, System.out);
    }

    @Bean
    BaselineCommand baselineCommand(JobOperator jobOperator, JobRepository jobRepository, Job purchaseOrderBaselineJob,
            LaunchedExecutions launchedExecutions, Baselines baselines, CoupaClient coupaClient) {
        return new BaselineCommand(jobOperator, jobRepository, purchaseOrderBaselineJob, launchedExecutions, baselines,
                coupaClient, System.out);
    }

    @Bean
    FailuresCommand failuresCommand(FailingPurchaseOrders failingPurchaseOrders) {
        return new FailuresCommand(failingPurchaseOrders, System.out);
    }

    @Bean
    ReportCommand reportCommand(JobRepository jobRepository, FailingPurchaseOrders failingPurchaseOrders,
            Reconciliations reconciliations) {
        return new ReportCommand(jobRepository, failingPurchaseOrders,
                () -> reconciliations.latest().map(latest -> new ReconcileReport(latest).view()), Clock.systemUTC(),
                System.out);
    }

    @Bean
    ReconcileCommand reconcileCommand(CoupaClient coupa, CoupaApi coupaApi, Reconciliations reconciliations, Erp erp) {
        return new ReconcileCommand(new Reconciler(coupa, coupaApi, reconciliations, erp), Clock.systemUTC(),
                System.out);
    }
}
