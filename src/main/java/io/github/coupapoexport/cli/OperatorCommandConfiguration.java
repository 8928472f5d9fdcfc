package io.github.coupapoexport.cli;

import java.time.Clock;
import java.util.Optional;

import io.github.coupapoexport.ledger.FailingPurchaseOrders;
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
    FailuresCommand failuresCommand(FailingPurchaseOrders failingPurchaseOrders) {
        return new FailuresCommand(failingPurchaseOrders, System.out);
    }

    @Bean
    ReportCommand reportCommand(JobRepository jobRepository, FailingPurchaseOrders failingPurchaseOrders) {
        // No reconciliation is kept yet: the page says that none has run. Once `reconcile` keeps its last result, it
        // is mapped onto a ReconciliationView here.
        return new ReportCommand(jobRepository, failingPurchaseOrders, Optional::empty, Clock.systemUTC(), System.out);
    }
}
