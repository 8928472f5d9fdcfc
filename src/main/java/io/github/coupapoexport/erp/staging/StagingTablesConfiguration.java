package io.github.coupapoexport.erp.staging;

import com.zaxxer.hikari.HikariDataSource;
import io.github.coupapoexport.erp.ErpProperties;
import io.github.coupapoexport.settings.SettingsCheck;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staging-tables adapter ({@code erp.type=staging-tables}): its settings and its own pool on the ERP's database.
 * The pool and its transaction manager are no beans: a second DataSource bean would make Spring Boot back away from
 * the job repository's, and the job's transactions must never reach the ERP's database.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "erp.type", havingValue = ErpProperties.STAGING_TABLES)
@EnableConfigurationProperties(StagingTablesProperties.class)
public class StagingTablesConfiguration {

    /** Closed with the context ({@link StagingTablesErp#close()}), and with it the pool. */
    @Bean
    StagingTablesErp stagingTablesErp(SettingsCheck settings, StagingTablesProperties staging) {
        return erp(staging);
    }

    /** The adapter on a pool of its own, for the configuration and for tests. */
    static StagingTablesErp erp(StagingTablesProperties staging) {
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName("erp-staging");
        pool.setJdbcUrl(staging.url());
        if (staging.username() != null) {
            pool.setUsername(staging.username());
        }
        if (staging.password() != null && !staging.password().isBlank()) {
            pool.setPassword(staging.password().reveal());
        }
        // The export sends a few documents at once (export.concurrency); a handful of connections serve them.
        pool.setMaximumPoolSize(4);
        pool.setMinimumIdle(0);
        pool.setConnectionTimeout(staging.timeout().toMillis());
        pool.setValidationTimeout(Math.min(staging.timeout().toMillis(), 5_000));
        // Started on the first delivery, not now: an ERP database that is down makes POs unreachable, not the job
        // unable to start (and a dry run never connects).
        pool.setInitializationFailTimeout(-1);
        pool.setAutoCommit(true);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        int seconds = (int) Math.max(1, staging.timeout().toSeconds());
        jdbc.setQueryTimeout(seconds);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(pool));
        transactions.setTimeout(seconds * 4);
        StagingLayout layout = staging.stagingLayout();
        return new StagingTablesErp(layout, jdbc, transactions, staging.retry().backoff(
                StagingFailures.Passing.class), new StagingFailures(staging.url(), staging.username(),
                staging.password(), layout.name()), staging.countsAsExportedWhenQueued(), pool);
    }
}
