package io.github.coupapoexport.cli;

import java.time.Clock;

import io.github.coupapoexport.ledger.FailingPurchaseOrders;
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
    FailuresCommand failuresCommand(FailingPurchaseOrders failingPurchaseOrders) {
        return new FailuresCommand(failingPurchaseOrders, System.out);
    }

    @Bean
    ReportCommand reportCommand(JobRepository jobRepository, FailingPurchaseOrders failingPurchaseOrders) {
        return new ReportCommand(jobRepository, failingPurchaseOrders, Clock.systemUTC(), System.out);
    }
}
