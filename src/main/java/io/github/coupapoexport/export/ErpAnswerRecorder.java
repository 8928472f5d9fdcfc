package io.github.coupapoexport.export;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what the ERP made of a document into the ledger, the same way for a first send and a resend. */
public class ErpAnswerRecorder {

    private static final Logger log = LoggerFactory.getLogger(ErpAnswerRecorder.class);

    private final ExportLedger ledger;

    public ErpAnswerRecorder(ExportLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * @return the snapshot's outcome now; {@link LedgerOutcome#SENDING} for a {@link ErpAnswer.Refused}, which applies
     * nothing and is the caller's to handle
     */
    public LedgerOutcome record(String idempotencyKey, String label, ErpAnswer answer) {
        if (answer instanceof ErpAnswer.Accepted accepted) {
            ledger.recordAccepted(idempotencyKey, accepted.status(), accepted.erpDocumentId());
            log.debug("PO {} ({}) in the ERP as {}{}", label, idempotencyKey, accepted.erpDocumentId(),
                    accepted.alreadyApplied() ? ", which had applied it already" : "");
            return LedgerOutcome.ACCEPTED;
        }
        if (answer instanceof ErpAnswer.Rejected rejected) {
            String reason = "PO " + label + " was rejected by the ERP" + (rejected.status() == null ? ""
                    : " (HTTP " + rejected.status() + ")") + ": " + rejected.message();
            ledger.recordFailure(idempotencyKey, LedgerOutcome.REJECTED, rejected.status(), reason);
            log.warn("{}", reason);
            return LedgerOutcome.REJECTED;
        }
        if (answer instanceof ErpAnswer.Queued queued) {
            ledger.recordQueued(idempotencyKey, queued.queueId());
            log.debug("PO {} ({}) queued for the ERP's import as {}", label, idempotencyKey, queued.queueId());
            return LedgerOutcome.QUEUED;
        }
        if (answer instanceof ErpAnswer.Unreachable unreachable) {
            String reason = "PO " + label + " could not be sent: the ERP did not answer after retries ("
                    + unreachable.reason() + "); it is sent again under the same key";
            ledger.recordFailure(idempotencyKey, LedgerOutcome.ERP_UNREACHABLE, null, reason);
            log.warn("{}", reason);
            return LedgerOutcome.ERP_UNREACHABLE;
        }
        return LedgerOutcome.SENDING;
    }
}
