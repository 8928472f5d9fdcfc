package io.github.coupapoexport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import io.github.coupapoexport.export.ExportProtocol;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
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
public class PurchaseOrderExportWriter implements ItemWriter<PurchaseOrderExport>, StepExecutionListener {

    private final ExportProtocol protocol;

    private final int outageThreshold;

    private final int concurrency;

    private StepExecution stepExecution;

    private boolean replay;

    private ExecutorService senders;

    private ExportTally tally = ExportTally.NONE;

    private final List<String> unansweredInARow = new ArrayList<>();

    /** Once Coupa or the ERP failed as a whole, no further PO of the chunk is started. */
    private volatile boolean stopped;

    /**
     * @param concurrency how many POs of a chunk are sent and marked at the same time, so that the ERP's latency
     * hides behind Coupa's; every Coupa call still goes through the one rate limiter
     */
    public PurchaseOrderExportWriter(ExportProtocol protocol, int outageThreshold, int concurrency) {
        this.protocol = protocol;
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
        this.stopped = false;
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
        count(protocol.recordInvalid(invalid, stepExecution.getJobExecutionId()));
    }

    private void send(ReadyForErp ready) {
        if (stopped) {
            // Left as it is: unexported, no ledger row. The chunk fails and the rerun reads the PO again.
            return;
        }
        PurchaseOrderSnapshot snapshot = replay ? ready.snapshot().replayedIn(stepExecution.getJobExecutionId())
                : ready.snapshot();
        ExportProtocol.Result result;
        try {
            result = protocol.export(snapshot, ready.document(), stepExecution.getJobExecutionId(), replay);
        }
        catch (RuntimeException failure) {
            // Coupa or the ERP failing as a whole: the POs not yet started are left for the rerun.
            stopped = true;
            throw failure;
        }
        count(result);
        if (result == ExportProtocol.Result.EXPORTED || result == ExportProtocol.Result.REJECTED) {
            answered();
        }
        if (result != ExportProtocol.Result.UNANSWERED) {
            return;
        }
        List<String> outage = unanswered(snapshot.label());
        if (outage != null) {
            throw new ErpUnavailableException("The ERP did not answer for POs " + String.join(", ", outage)
                    + " in a row; stopping so that a rerun resumes once it is back");
        }
    }

    private void count(ExportProtocol.Result result) {
        count(switch (result) {
            case EXPORTED -> ExportTally::plusExported;
            case SKIPPED -> ExportTally::plusSkipped;
            case REJECTED, FAILED, UNANSWERED -> ExportTally::plusFailed;
        });
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
        stopped = true;
        return List.copyOf(unansweredInARow);
    }
}
