package io.github.coupapoexport.job;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.export.BaselineProtocol;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Baselines each PO of a chunk, one after the other: recorded, then marked ({@link BaselineProtocol}). A Coupa call
 * that fails for good fails the chunk; the POs it recorded and marked stay so, and the rerun resumes after the last
 * checkpoint, finishing first what the failure left recorded but unmarked.
 * <p>
 * Step-scoped: the count of POs left to the export is this step execution's, kept in its execution context.
 */
public class BaselineWriter implements ItemWriter<CoupaPurchaseOrder> {

    /** POs the ledger knew from the export, left alone, in this step execution's committed chunks. */
    public static final String LEFT_TO_EXPORT = "baseline.left-to-export";

    private static final Logger log = LoggerFactory.getLogger(BaselineWriter.class);

    private final BaselineProtocol protocol;

    private final PurchaseOrderMapper mapper;

    private final StepExecution stepExecution;

    public BaselineWriter(BaselineProtocol protocol, PurchaseOrderMapper mapper, StepExecution stepExecution) {
        this.protocol = protocol;
        this.mapper = mapper;
        this.stepExecution = stepExecution;
    }

    @Override
    public void write(Chunk<? extends CoupaPurchaseOrder> chunk) {
        long left = 0;
        long marked = 0;
        for (CoupaPurchaseOrder po : chunk) {
            BaselineProtocol.Result result = protocol.baseline(BaselineProtocol.held(po, mapper),
                    stepExecution.getJobExecutionId());
            if (result == BaselineProtocol.Result.LEFT_TO_EXPORT) {
                left++;
            }
            else if (result == BaselineProtocol.Result.MARKED) {
                marked++;
            }
        }
        // Saved with the chunk's checkpoint: a chunk that fails is read again and counts then.
        long leftSoFar = stepExecution.getExecutionContext().getLong(LEFT_TO_EXPORT, 0L) + left;
        stepExecution.getExecutionContext().putLong(LEFT_TO_EXPORT, leftSoFar);
        log.info("Baseline: {} of {} POs of this page marked exported without sending; {} left to the export so far",
                marked, chunk.size(), leftSoFar);
    }
}
