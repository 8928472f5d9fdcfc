package io.github.coupapoexport.job;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import io.github.coupapoexport.export.ExportProtocol;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;
import io.github.coupapoexport.ledger.FailingPurchaseOrders;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * The run's own meters, pushed when the application closes (README "Metrics"): the POs by how they ended, the POs the
 * run left failing by class, and, only from an export run that completed, the time it ended. A Pushgateway keeps
 * that last gauge from the last successful run while failed runs push the rest, which is what the "no successful run"
 * alert reads. Tags are outcome and class names only, never a PO's number.
 */
public class RunMeters implements JobExecutionListener {

    static final String PURCHASE_ORDERS = "coupa.po.export.purchase.orders";

    static final String FAILING = "coupa.po.export.purchase.orders.failing";

    static final String LAST_SUCCESS = "coupa.po.export.last.success.timestamp";

    private static final Logger log = LoggerFactory.getLogger(RunMeters.class);

    private final MeterRegistry registry;

    private final FailingPurchaseOrders failing;

    private final Clock clock;

    public RunMeters(MeterRegistry registry, FailingPurchaseOrders failing, Clock clock) {
        this.registry = registry;
        this.failing = failing;
        this.clock = clock;
        // Every outcome at zero from the start, even for a run that fails before its first PO: a run pushes all of
        // them, so that a Pushgateway never shows an earlier run's outcome beside this run's (a push replaces a
        // metric's samples only by the ones it carries).
        for (ExportProtocol.Result result : ExportProtocol.Result.values()) {
            purchaseOrders(result);
        }
    }


    /** One more PO of the run ended so; a PO waiting in the ERP's queue counts as queued. */
    public void counted(ExportProtocol.Result result) {
        purchaseOrders(result).increment();
    }

    private Counter purchaseOrders(ExportProtocol.Result result) {
        return Counter.builder(PURCHASE_ORDERS)
            .description("Purchase orders the run handled, by how they ended")
            .tag("outcome", outcome(result))
            .register(registry);
    }

    static String outcome(ExportProtocol.Result result) {
        return switch (result) {
            case UNANSWERED -> "unreachable";
            case WAITING -> "queued";
            default -> result.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public void afterJob(JobExecution execution) {
        // Never out of here: RunOutcome, whose afterJob comes after this one, must still decide the exit code.
        try {
            Map<FailureClass, Long> counts = failing.countsIn(execution.getId());
            for (FailureClass failureClass : FailureClass.values()) {
                Counter.builder(FAILING)
                    .description("Purchase orders the run left failing, by the class the failures command shows")
                    .tag("class", failureClass.label())
                    .register(registry)
                    .increment(counts.getOrDefault(failureClass, 0L));
            }
            if (PurchaseOrderExportJobConfiguration.JOB_NAME.equals(execution.getJobInstance().getJobName())
                    && execution.getStatus() == BatchStatus.COMPLETED) {
                double endedAt = clock.millis() / 1000.0;
                Gauge.builder(LAST_SUCCESS, () -> endedAt)
                    .description("When the last export run that completed ended, in seconds since the epoch")
                    .baseUnit("seconds")
                    .register(registry);
            }
        }
        catch (RuntimeException ex) {
            log.warn("Run meters not recorded: {}", ex.getMessage());
        }
    }
}
