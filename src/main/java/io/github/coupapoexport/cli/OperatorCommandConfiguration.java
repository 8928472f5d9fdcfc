package io.github.coupapoexport.cli;

import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.job.LaunchedExecutions;
import io.github.coupapoexport.ledger.Baselines;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
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
    BaselineCommand baselineCommand(JobOperator jobOperator, JobRepository jobRepository, Job purchaseOrderBaselineJob,
            LaunchedExecutions launchedExecutions, Baselines baselines, CoupaClient coupaClient) {
        return new BaselineCommand(jobOperator, jobRepository, purchaseOrderBaselineJob, launchedExecutions, baselines,
                coupaClient, System.out);
    }

    @Bean
    FailuresCommand failuresCommand(FailingPurchaseOrders failingPurchaseOrders) {
        return new FailuresCommand(failingPurchaseOrders, System.out);
    }
}
