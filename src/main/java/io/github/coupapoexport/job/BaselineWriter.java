package io.github.coupapoexport.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.export.BaselineProtocol;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.core.task.TaskExecutor;

/**
 * Baselines the POs of a chunk, {@code export.concurrency} at a time on the export's sender threads, each recorded and
 * then marked ({@link BaselineProtocol}); every Coupa call still goes through the one rate limiter, so years of POs are
 * marked as fast as Coupa's limit allows rather than one round trip at a time. A Coupa call that fails for good fails
 * the chunk once the POs in flight have ended: what they recorded and marked stays so, the POs not yet started are left
 * unrecorded, and the rerun resumes after the last checkpoint, finishing first what was recorded but not marked.
 * <p>
 * Step-scoped: the count of POs left to the export is this step execution's, kept in its execution context.
 */
public class BaselineWriter implements ItemWriter<CoupaPurchaseOrder> {

    /** POs the ledger knew from the export, left alone, in this step execution's committed chunks. */
    public static final String LEFT_TO_EXPORT = "baseline.left-to-export";

    private static final Logger log = LoggerFactory.getLogger(BaselineWriter.class);

    private final BaselineProtocol protocol;

    private final PurchaseOrderMapper mapper;

    private final TaskExecutor senders;

    private final StepExecution stepExecution;

    /** Once a Coupa call failed for good, no further PO of the chunk is started. */
    private volatile boolean stopped;

    public BaselineWriter(BaselineProtocol protocol, PurchaseOrderMapper mapper, TaskExecutor senders,
            StepExecution stepExecution) {
        this.protocol = protocol;
        this.mapper = mapper;
        this.senders = senders;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends CoupaPurchaseOrder> chunk) throws Exception {
        AtomicLong left = new AtomicLong();
        AtomicLong marked = new AtomicLong();
        List<CompletableFuture<Void>> baselining = new ArrayList<>();
        for (CoupaPurchaseOrder po : chunk) {
            baselining.add(CompletableFuture.runAsync(() -> baseline(po, left, marked), senders));
        }
        Exception failure = ChunkWork.awaitAll(baselining, () -> stopped = true);
        if (failure != null) {
            throw failure;
        }
        // Saved with the chunk's checkpoint: a chunk that fails is read again and counts then.
        long leftSoFar = stepExecution.getExecutionContext().getLong(LEFT_TO_EXPORT, 0L) + left.get();
        stepExecution.getExecutionContext().putLong(LEFT_TO_EXPORT, leftSoFar);
        log.info("Baseline: {} of {} POs of this page marked exported without sending; {} left to the export so far",
                marked.get(), chunk.size(), leftSoFar);
    }

    private void baseline(CoupaPurchaseOrder po, AtomicLong left, AtomicLong marked) {
        if (stopped) {
            // Left as it is: unexported, unrecorded. The chunk fails and the rerun reads the PO again.
            return;
        }
        BaselineProtocol.Result result;
        try {
            result = protocol.baseline(BaselineProtocol.held(po, mapper), stepExecution.getJobExecutionId());
        }
        catch (RuntimeException failure) {
            stopped = true;
            throw failure;
        }
        if (result == BaselineProtocol.Result.LEFT_TO_EXPORT) {
            left.incrementAndGet();
        }
        else if (result == BaselineProtocol.Result.MARKED) {
            marked.incrementAndGet();
        }
    }
}
