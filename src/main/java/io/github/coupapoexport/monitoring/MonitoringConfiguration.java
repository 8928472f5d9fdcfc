package io.github.coupapoexport.monitoring;

import java.time.Clock;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.ledger.ReportQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Coupa's monitoring as {@code coupa.monitoring.mode} chooses it: the reports of outcomes and the integration runs. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    @Bean
    CoupaMonitoringClient coupaMonitoringClient(CoupaApi coupaApi, CoupaProperties coupa) {
        return new CoupaMonitoringClient(coupaApi, coupa.monitoring());
    }

    @Bean
    OutcomeReports outcomeReports(ReportQueue reports, CoupaMonitoringClient client, CoupaProperties coupa) {
        return OutcomeReports.of(coupa.monitoring().mode(), reports, client, Clock.systemUTC());
    }

    @Bean
    IntegrationRuns integrationRuns(CoupaMonitoringClient client, JdbcTemplate jdbc) {
        return new IntegrationRuns(client, jdbc, Clock.systemUTC());
    }
}
