package io.github.coupapoexport.ledger;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The export ledger and its report queue, in the job repository's database (Flyway owns their tables). */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    ExportLedger exportLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ExportLedger(jdbc, transactionManager, Clock.systemUTC());
    }

    @Bean
    Baselines baselines(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new Baselines(jdbc, transactionManager, Clock.systemUTC());
    }

    @Bean
    FailingPurchaseOrders failingPurchaseOrders(JdbcTemplate jdbc) {
        return new FailingPurchaseOrders(jdbc);
    }

    @Bean
    Reconciliations reconciliations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new Reconciliations(jdbc, transactionManager, Clock.systemUTC());
    }

    @Bean
    ReportQueue reportQueue(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new ReportQueue(jdbc, transactionManager, Clock.systemUTC());
    }
}
