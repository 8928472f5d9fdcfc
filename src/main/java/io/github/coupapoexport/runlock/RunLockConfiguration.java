package io.github.coupapoexport.runlock;

import java.util.List;
import javax.sql.DataSource;

import io.github.coupapoexport.settings.InvalidSettingsException;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The run lock that fits the job repository's database. */
@Configuration(proxyBeanMethods = false)
public class RunLockConfiguration {

    /** One run at a time per job repository; an unsupported repository database is a settings problem. */
    @Bean
    RunLock runLock(DataSourceProperties dataSource, DataSource dataSourceBean) {
        try {
            return RunLocks.forRepository(dataSource.determineUrl(), dataSourceBean);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidSettingsException(List.of(ex.getMessage()));
        }
    }
}
