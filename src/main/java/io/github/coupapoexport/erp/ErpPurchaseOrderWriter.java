package io.github.coupapoexport.erp;

import java.util.ArrayList;
import java.util.List;

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

    private StepExecution stepExecution;

    private boolean replay;

    private ExportTally tally = ExportTally.NONE;

    private final List<String> unansweredInARow = new ArrayList<>();

    public ErpPurchaseOrderWriter(ErpClient erp, CoupaClient coupa, ExportLedger ledger, MarkExported markExported,
            int outageThreshold) {
        this.erp = erp;
        this.coupa = coupa;
        this.ledger = ledger;
        this.markExported = markExported;
        this.outageThreshold = outageThreshold;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        this.stepExecution = stepExecution;
        this.replay = ExportJobParameters.replay(stepExecution.getJobParameters());
        // A resumed execution starts from the context of the one before; its tally counts this execution only.
        this.tally = ExportTally.NONE;
        this.tally.writeTo(stepExecution.getExecutionContext());
        this.unansweredInARow.clear();
    }

    @Override
    public void write(Chunk<? extends PurchaseOrderExport> chunk) {
        try {
            for (PurchaseOrderExport export : chunk) {
                if (export instanceof InvalidPurchaseOrder invalid) {
                    recordInvalid(invalid);
                }
                else if (export instanceof ReadyForErp ready) {
                    send(ready);
                }
            }
        }
        finally {
            tally.writeTo(stepExecution.getExecutionContext());
        }
    }

    private void recordInvalid(InvalidPurchaseOrder invalid) {
        ledger.recordInvalid(invalid.snapshot(), invalid.reason(), stepExecution.getJobExecutionId());
        tally = tally.plusFailed();
        log.warn("{}", invalid.reason());
    }

    private void send(ReadyForErp ready) {
        PurchaseOrderSnapshot snapshot = replay ? ready.snapshot().replayedIn(stepExecution.getJobExecutionId())
                : ready.snapshot();
        String key = snapshot.idempotencyKey();
        LedgerEntry known = ledger.find(key).orElse(null);
        if (known != null && known.accepted()) {
            // The ERP applied this very snapshot before and the run stopped before Coupa heard of it.
            markExported(snapshot);
            tally = tally.plusSkipped();
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
            unansweredInARow.clear();
            ledger.recordAccepted(key, accepted.status(), accepted.erpDocumentId());
            if (markExported == MarkExported.AFTER_ERP) {
                markExported(snapshot);
            }
            tally = tally.plusExported();
            log.debug("PO {} {} in the ERP as {}", snapshot.label(), ready.document().action(),
                    accepted.erpDocumentId());
        }
        else if (answer instanceof ErpAnswer.Rejected rejected) {
            unansweredInARow.clear();
            String reason = "PO " + snapshot.label() + " was rejected by the ERP (HTTP " + rejected.status() + "): "
                    + rejected.message();
            ledger.recordFailure(key, LedgerOutcome.REJECTED, rejected.status(), reason);
            tally = tally.plusFailed();
            log.warn("{}", reason);
        }
        else if (answer instanceof ErpAnswer.Unreachable unreachable) {
            String reason = "PO " + snapshot.label() + " could not be sent: the ERP did not answer after retries ("
                    + unreachable.reason() + ")";
            ledger.recordFailure(key, LedgerOutcome.ERP_UNREACHABLE, null, reason);
            tally = tally.plusFailed();
            log.warn("{}", reason);
            unansweredInARow.add(snapshot.label());
            if (unansweredInARow.size() >= outageThreshold) {
                throw new ErpUnavailableException("The ERP did not answer for POs " + String.join(", ", unansweredInARow)
                        + " in a row; stopping so that a rerun resumes once it is back. Last error: "
                        + unreachable.reason());
            }
        }
    }

    private void markExported(PurchaseOrderSnapshot snapshot) {
        coupa.markExported(snapshot.coupaId());
        ledger.recordMarkedExported(snapshot.idempotencyKey());
    }
}
