package io.github.coupapoexport.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.coupapoexport.ExportJobParameters;
import io.github.coupapoexport.ExportTally;
import io.github.coupapoexport.MarkExported;
import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Sends each PO to the ERP and marks it exported in Coupa, recording every step in the export ledger first.
 * <p>
 * A PO that cannot be exported (invalid, rejected, or the ERP never answered) is recorded and left unexported in
 * {@code after-erp} mode, so Coupa offers it again next run; it does not fail the job. Only an ERP outage (several
 * POs in a row unanswered) or a failing Coupa call fails the job, which then resumes from its checkpoint.
 */
public class ErpPurchaseOrderWriter implements ItemWriter<PurchaseOrderExport>, StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(ErpPurchaseOrderWriter.class);

    private final ErpClient erp;

    private final CoupaClient coupa;

    private final ExportLedger ledger;

    private final MarkExported markExported;

    private final int outageThreshold;

    private final int concurrency;

    private StepExecution stepExecution;

    private boolean replay;

    private ExecutorService senders;

    private ExportTally tally = ExportTally.NONE;

    private final List<String> unansweredInARow = new ArrayList<>();

    private volatile boolean erpDown;

    /**
     * @param concurrency how many POs of a chunk are sent and marked at the same time, so that the ERP's latency
     * hides behind Coupa's; every Coupa call still goes through the one rate limiter
     */
    public ErpPurchaseOrderWriter(ErpClient erp, CoupaClient coupa, ExportLedger ledger, MarkExported markExported,
            int outageThreshold, int concurrency) {
        this.erp = erp;
        this.coupa = coupa;
        this.ledger = ledger;
        this.markExported = markExported;
        this.outageThreshold = outageThreshold;
        this.concurrency = concurrency;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        this.replay = ExportJobParameters.replay(stepExecution.getJobParameters());
        // A resumed execution starts from the context of the one before; its tally counts this execution only.
        synchronized (this) {
            this.tally = ExportTally.NONE;
            this.tally.writeTo(stepExecution.getExecutionContext());
            this.unansweredInARow.clear();
        }
        this.erpDown = false;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(concurrency, runnable -> {
            Thread thread = new Thread(runnable, "erp-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        // Null when an earlier listener's beforeStep failed: that failure, not this, is what the run reports.
        if (senders != null) {
            senders.shutdownNow();
            senders = null;
        }
        return stepExecution.getExitStatus();
    }

    /**
     * Sends the chunk's POs, {@code concurrency} at a time, and returns only when every one of them has an outcome
     * in the ledger: the checkpoint that Spring Batch saves after this never passes an unrecorded PO.
     */
    @Override
    public void write(Chunk<? extends PurchaseOrderExport> chunk) throws Exception {
        List<Future<?>> sending = new ArrayList<>();
        for (PurchaseOrderExport export : chunk) {
            if (export instanceof InvalidPurchaseOrder invalid) {
                recordInvalid(invalid);
            }
            else if (export instanceof ReadyForErp ready) {
                sending.add(senders.submit(() -> send(ready)));
            }
        }
        Exception failure = null;
        for (Future<?> sent : sending) {
            try {
                sent.get();
            }
            catch (ExecutionException ex) {
                Exception cause = ex.getCause() instanceof Exception exception ? exception : ex;
                if (failure == null) {
                    failure = cause;
                }
                else if (failure != cause) {
                    failure.addSuppressed(cause);
                }
            }
        }
        synchronized (this) {
            tally.writeTo(stepExecution.getExecutionContext());
        }
        if (failure != null) {
            throw failure;
        }
    }

    private synchronized void count(UnaryOperator<ExportTally> outcome) {
        tally = outcome.apply(tally);
    }

    private void recordInvalid(InvalidPurchaseOrder invalid) {
        ledger.recordInvalid(invalid.snapshot(), invalid.reason(), stepExecution.getJobExecutionId());
        count(ExportTally::plusFailed);
        log.warn("{}", invalid.reason());
    }

    private void send(ReadyForErp ready) {
        if (erpDown) {
            // Left as it is: unexported, no ledger row. The chunk fails and the rerun reads the PO again.
            return;
        }
        PurchaseOrderSnapshot snapshot = replay ? ready.snapshot().replayedIn(stepExecution.getJobExecutionId())
                : ready.snapshot();
        String key = snapshot.idempotencyKey();
        LedgerEntry known = ledger.find(key).orElse(null);
        if (known != null && known.accepted()) {
            // The ERP applied this very snapshot before and the run stopped before Coupa heard of it.
            markExported(snapshot);
            count(ExportTally::plusSkipped);
            log.info("PO {} ({}) was already accepted by the ERP as {}; marked exported without sending it again",
                    snapshot.label(), key, known.erpDocumentId());
            return;
        }
        ledger.recordSending(snapshot, ready.document(), stepExecution.getJobExecutionId());
        if (markExported == MarkExported.BEFORE_ERP) {
            markExported(snapshot);
        }
        ErpAnswer answer = erp.send(ready.document(), key);
        if (answer instanceof ErpAnswer.Accepted accepted) {
            answered();
            ledger.recordAccepted(key, accepted.status(), accepted.erpDocumentId());
            if (markExported == MarkExported.AFTER_ERP) {
                markExported(snapshot);
            }
            count(ExportTally::plusExported);
            log.debug("PO {} {} in the ERP as {}", snapshot.label(), ready.document().action(),
                    accepted.erpDocumentId());
        }
        else if (answer instanceof ErpAnswer.Rejected rejected) {
            answered();
            String reason = "PO " + snapshot.label() + " was rejected by the ERP (HTTP " + rejected.status() + "): "
                    + rejected.message();
            ledger.recordFailure(key, LedgerOutcome.REJECTED, rejected.status(), reason);
            count(ExportTally::plusFailed);
            log.warn("{}", reason);
        }
        else if (answer instanceof ErpAnswer.Unreachable unreachable) {
            String reason = "PO " + snapshot.label() + " could not be sent: the ERP did not answer after retries ("
                    + unreachable.reason() + ")";
            ledger.recordFailure(key, LedgerOutcome.ERP_UNREACHABLE, null, reason);
            count(ExportTally::plusFailed);
            log.warn("{}", reason);
            List<String> outage = unanswered(snapshot.label());
            if (outage != null) {
                throw new ErpUnavailableException("The ERP did not answer for POs " + String.join(", ", outage)
                        + " in a row; stopping so that a rerun resumes once it is back. Last error: "
                        + unreachable.reason());
            }
        }
    }

    private synchronized void answered() {
        unansweredInARow.clear();
    }

    /** @return the POs of an outage once {@code outageThreshold} in a row went unanswered, else null */
    private synchronized List<String> unanswered(String label) {
        unansweredInARow.add(label);
        if (unansweredInARow.size() < outageThreshold) {
            return null;
        }
        erpDown = true;
        return List.copyOf(unansweredInARow);
    }

    private void markExported(PurchaseOrderSnapshot snapshot) {
        coupa.markExported(snapshot.coupaId());
        ledger.recordMarkedExported(snapshot.idempotencyKey());
    }
}
