package io.github.coupapoexport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.github.coupapoexport.export.ExportProtocol;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.task.TaskExecutor;

/**
 * Sends each PO to the ERP and marks it exported in Coupa, recording every step in the export ledger first.
 * <p>
 * A PO that cannot be exported (invalid, rejected, or the ERP never answered) is recorded and left unexported in
 * {@code after-erp} mode, so Coupa offers it again next run; it does not fail the job. Only an ERP outage (several
 * POs in a row unanswered) or a failing Coupa call fails the job, which then resumes from its checkpoint.
 * <p>
 * One writer per step execution (step scope): its tally and its count of POs unanswered in a row start afresh with
 * each, a resumed one included, whose tally counts that execution only.
 */
public class PurchaseOrderExportWriter implements ItemWriter<PurchaseOrderExport> {

    private final ExportProtocol protocol;

    private final TaskExecutor senders;

    private final int outageThreshold;

    private final StepExecution stepExecution;

    private final boolean replay;

    private final Consumer<ExportProtocol.Result> outcomes;

    private ExportTally tally = ExportTally.NONE;

    private final List<String> unansweredInARow = new ArrayList<>();

    /** Once Coupa or the ERP failed as a whole, no further PO of the chunk is started. */
    private volatile boolean stopped;

    /**
     * @param senders sends and marks a chunk's POs {@code export.concurrency} at a time, so that the ERP's latency
     * hides behind Coupa's; every Coupa call still goes through the one rate limiter
     * @param outcomes told how each PO ended, from the sending threads: the run's meters
     */
    public PurchaseOrderExportWriter(ExportProtocol protocol, TaskExecutor senders, int outageThreshold,
            StepExecution stepExecution, Consumer<ExportProtocol.Result> outcomes) {
        this.protocol = protocol;
        this.senders = senders;
        this.outageThreshold = outageThreshold;
        this.stepExecution = stepExecution;
        this.replay = ExportJobParameters.replay(stepExecution.getJobParameters());
        this.outcomes = outcomes;
    }

    /**
     * Sends the chunk's POs, {@code concurrency} at a time, and returns only when every one of them has an outcome
     * in the ledger: the checkpoint that Spring Batch saves after this never passes an unrecorded PO.
     */
    @Override
    public void write(Chunk<? extends PurchaseOrderExport> chunk) throws Exception {
        List<CompletableFuture<Void>> sending = new ArrayList<>();
        for (PurchaseOrderExport export : chunk) {
            if (export instanceof InvalidPurchaseOrder invalid) {
                recordInvalid(invalid);
            }
            else if (export instanceof ReadyForErp ready) {
                sending.add(CompletableFuture.runAsync(() -> send(ready), senders));
            }
        }
        Exception failure = ChunkWork.awaitAll(sending, () -> stopped = true);
        synchronized (this) {
            tally.writeTo(stepExecution.getExecutionContext());
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void count(ExportProtocol.Result result) {
        synchronized (this) {
            tally = tally.plus(result);
        }
        outcomes.accept(result);
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
        if (result == ExportProtocol.Result.EXPORTED || result == ExportProtocol.Result.REJECTED
                || result == ExportProtocol.Result.QUEUED) {
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
