package io.github.coupapoexport.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import io.github.coupapoexport.coupa.CoupaClient;
import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaPurchaseOrderReader;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.ItemReadListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.core.Ordered;

/**
 * Counts the POs Coupa selects before the first one is read (an id-only pass, one call per 50 POs), and logs one
 * line per chunk: POs done of selected, rate and time to go.
 */
public class ExportProgress implements StepExecutionListener, ChunkListener<CoupaPurchaseOrder, PurchaseOrderExport>,
        ItemReadListener<CoupaPurchaseOrder>, Ordered {

    static final String SELECTED = "export.selected";

    /**
     * First on a step: its {@code beforeStep} resets the tallies before anything else can fail, and counts the
     * selection that {@link CoupaMonitoringListener} reports to Coupa's integration run.
     */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE;

    private static final Logger log = LoggerFactory.getLogger(ExportProgress.class);

    private final CoupaClient coupa;

    private final Clock clock;

    private StepExecution stepExecution;

    private Instant started;

    private long selected;

    /**
     * POs read by this step execution, counted here: Spring Batch 6 adds a chunk's reads to the step's read count only
     * after the chunk listeners ran, so the last progress line would lag a chunk behind.
     */
    private long read;

    public ExportProgress(CoupaClient coupa, Clock clock) {
        this.coupa = coupa;
        this.clock = clock;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** The POs selected when the step started, counted from its checkpoint. */
    public static long selected(StepExecution stepExecution) {
        return stepExecution.getExecutionContext().getLong(SELECTED, 0L);
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        // A resumed execution starts from the context of the one before, tallies included; this one has done nothing
        // yet. The writer, new in each step execution, writes its own tally only once its first chunk is done.
        ExportTally.NONE.writeTo(stepExecution.getExecutionContext());
        ExportTally.NONE.writeCommittedTo(stepExecution.getExecutionContext());
        this.started = clock.instant();
        this.read = 0;
        this.selected = coupa.countPurchaseOrdersToExport(ExportJobParameters.selection(stepExecution.getJobParameters()),
                CoupaPurchaseOrderReader.checkpoint(stepExecution.getExecutionContext()));
        stepExecution.getExecutionContext().putLong(SELECTED, selected);
        log.info("{} POs selected for export{}", selected, CoupaPurchaseOrderReader.checkpoint(
                stepExecution.getExecutionContext()) == 0 ? "" : " after the checkpoint");
    }

    @Override
    public void afterRead(CoupaPurchaseOrder po) {
        read++;
    }

    @Override
    public void afterChunk(Chunk<PurchaseOrderExport> chunk) {
        long done = read;
        Duration elapsed = Duration.between(started, clock.instant());
        double rate = elapsed.toMillis() == 0 ? 0 : done * 1000.0 / elapsed.toMillis();
        ExportTally tally = ExportTally.from(stepExecution.getExecutionContext());
        // Spring Batch saves the context after the chunk listeners, in the chunk's transaction.
        tally.writeCommittedTo(stepExecution.getExecutionContext());
        long left = Math.max(0, selected - done);
        log.info("{} of {} POs done ({}%), {} POs/s, about {} to go; exported {}, failed {}, skipped {}, queued {}", done,
                selected, selected == 0 ? 100 : done * 100 / selected, String.format(Locale.ROOT, "%.1f", rate),
                rate == 0 ? "?" : Duration.ofSeconds((long) (left / rate)).toString().substring(2).toLowerCase(Locale.ROOT),
                tally.exported(), tally.failed(), tally.skipped(), tally.queued());
    }
}
