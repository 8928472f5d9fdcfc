package io.github.coupapoexport.monitoring;

import java.time.Clock;

import io.github.coupapoexport.coupa.CoupaApi;
import io.github.coupapoexport.coupa.CoupaProperties;
import io.github.coupapoexport.ledger.ReportQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** Coupa's monitoring as {@code coupa.monitoring.mode} chooses it: the reports of outcomes and the integration runs. */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    static final int SLOWEST_COUPA_MILLIS = 500;

    static final int MAX_REPORTERS = 32;

    @Bean
    CoupaMonitoringClient coupaMonitoringClient(CoupaApi coupaApi, CoupaProperties coupa) {
        return new CoupaMonitoringClient(coupaApi, coupa.monitoring());
    }

    @Bean
    OutcomeReports outcomeReports(ReportQueue reports, CoupaMonitoringClient client, CoupaProperties coupa,
            ThreadPoolTaskExecutor coupaReporters) {
        return OutcomeReports.of(coupa.monitoring().mode(), reports, client, Clock.systemUTC(), coupaReporters);
    }

    /**
     * The threads that report a batch's outcomes at the same time. As many as keep the rate limiter busy while Coupa
     * takes up to {@value #SLOWEST_COUPA_MILLIS} ms a call (calls in flight = rate x latency); more would only wait
     * for it. Daemons, so that none keeps a stopping process alive.
     */
    @Bean
    ThreadPoolTaskExecutor coupaReporters(CoupaProperties coupa) {
        int threads = (int) Math.min(MAX_REPORTERS, Math.max(2,
                Math.ceil(coupa.requestsPerSecond() * SLOWEST_COUPA_MILLIS / 1000.0)));
        ThreadPoolTaskExecutor reporters = new ThreadPoolTaskExecutor();
        reporters.setCorePoolSize(threads);
        reporters.setMaxPoolSize(threads);
        reporters.setThreadNamePrefix("coupa-reporter-");
        reporters.setDaemon(true);
        return reporters;
    }

    @Bean
    IntegrationRuns integrationRuns(CoupaMonitoringClient client, JdbcTemplate jdbc) {
        return new IntegrationRuns(client, jdbc, Clock.systemUTC());
    }
}
