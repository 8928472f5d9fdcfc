package io.github.coupapoexport;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.coupapoexport.alerting.Alerts;
import io.github.coupapoexport.alerting.RunEnd;
import io.github.coupapoexport.alerting.StartedEnvironment;
import io.github.coupapoexport.cli.ArgumentCheck;
import io.github.coupapoexport.cli.ExitCode;
import io.github.coupapoexport.cli.ExportCommandLine;
import io.github.coupapoexport.cli.OperatorCommands;
import io.github.coupapoexport.cli.SettingsInUse;
import io.github.coupapoexport.job.ExportJobs;
import io.github.coupapoexport.job.LaunchedExecutions;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.github.coupapoexport.monitoring.IntegrationRuns;
import io.github.coupapoexport.runlock.RunLock;
import io.github.coupapoexport.settings.InvalidSettingsException;
import io.github.coupapoexport.settings.SettingsArea;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.MapPropertySource;

@SpringBootApplication
public class CoupaPoExportApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code; the sandbox and the tests call this instead of {@link #main}. */
    public static int run(String... args) {
        // Before Spring: an option it would ignore must not start an export, nor open the job repository.
        if (!ArgumentCheck.ofThisApplication().accepts(args, System.out)) {
            return ExitCode.CONFIGURATION_ERROR.code();
        }
        SpringApplication application = application(SettingsInUse.of(args));
        StartedEnvironment started = new StartedEnvironment();
        application.addListeners(started);
        RunEnd end;
        try {
            ConfigurableApplicationContext context = application.run(args);
            ExportCommandLine commandLine = context.getBean(ExportCommandLine.class);
            end = RunEnd.of(args, SpringApplication.exit(context), commandLine.failures(), commandLine.failureReason());
        }
        catch (RuntimeException startupFailure) {
            end = RunEnd.of(args, exitCodeOf(startupFailure).code(), List.of(startupFailure), null);
        }
        // After the context is gone, from the settings alone: a start that failed is alerted like a run that failed.
        RunEnd ended = end;
        started.environment().ifPresent(environment -> Alerts.afterRun(environment, ended, System.out));
        return end.exitCode();
    }

    /**
     * A command that uses only some settings builds only the beans it asks for (lazily): a Coupa client built without
     * the client secret would fail, and must not be built for {@code status}.
     */
    private static SpringApplication application(Set<SettingsArea> inUse) {
        SpringApplication application = new SpringApplication(CoupaPoExportApplication.class);
        // First of all property sources: no file or variable may widen or narrow what the command line decided.
        application.addInitializers(context -> context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("coupa-po-export command", Map.of(SettingsArea.IN_USE_PROPERTY,
                        SettingsInUse.property(inUse)))));
        application.setLazyInitialization(SettingsInUse.partial(inUse));
        return application;
    }

    @Bean
    ExportCommandLine exportCommandLine(JobOperator jobOperator, JobRepository jobRepository,
            ObjectProvider<ExportJobs> jobs, RunLock runLock, LaunchedExecutions launchedExecutions,
            ObjectProvider<IntegrationRuns> integrationRuns,
            ExportLedger ledger, FailingPurchaseOrders failingPurchaseOrders, ListableBeanFactory beans) {
        return new ExportCommandLine(jobOperator, jobRepository, jobs, runLock, launchedExecutions, integrationRuns,
                ledger, failingPurchaseOrders, new OperatorCommands(beans), System.out);
    }

    @Bean
    LaunchedExecutions launchedExecutions() {
        return new LaunchedExecutions();
    }

    /** A failure before the job could start: bad settings are exit 2, anything else exit 1. */
    static ExitCode exitCodeOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidSettingsException || cause instanceof BindException) {
                // Spring Boot has already printed what is wrong (InvalidSettingsFailureAnalyzer).
                System.out.println("coupa-po-export: configuration error, exit 2");
                return ExitCode.CONFIGURATION_ERROR;
            }
        }
        System.out.println("coupa-po-export: could not start: " + failure.getMessage());
        return ExitCode.FAILED;
    }
}
