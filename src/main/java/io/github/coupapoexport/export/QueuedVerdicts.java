package io.github.coupapoexport.export;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;

import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ERP's verdicts on snapshots queued in its import (staging tables), as {@link UnfinishedSnapshots} reads them at
 * the start of every run. A verdict that cannot be read (the ERP's database down, its rows gone before the verdict
 * was read) or that is overdue ({@code erp.verdict-overdue}) is recorded as the snapshot's verdict problem: the
 * snapshot stays queued, neither sent again (the ERP may hold it) nor taken as decided, and counts as failing (exit 3)
 * and is named in the log until a verdict is read.
 */
class QueuedVerdicts {

    private static final Logger log = LoggerFactory.getLogger(QueuedVerdicts.class);

    private final Erp erp;

    private final PurchaseOrderMarks coupa;

    private final ExportLedger ledger;

    /** Null: a verdict is never overdue. */
    private final @Nullable Duration overdue;

    private final Clock clock;

    QueuedVerdicts(Erp erp, PurchaseOrderMarks coupa, ExportLedger ledger, @Nullable Duration overdue,
            Clock clock) {
        this.erp = erp;
        this.coupa = coupa;
        this.ledger = ledger;
        this.overdue = overdue;
        this.clock = clock;
    }

    /**
     * The ERP's verdict, and whether it is a problem: unreadable, or still to come after {@code overdue}.
     *
     * @param answer accepted, rejected, still queued, or unreachable
     */
    record Verdict(ErpAnswer answer, boolean problem) {
    }

    /** Asks the ERP; a problem is recorded in the ledger, and a verdict read again clears an earlier one. */
    Verdict read(LedgerEntry queued, long jobExecutionId) {
        ErpAnswer verdict = erp.verdict(queued.idempotencyKey());
        if (verdict instanceof ErpAnswer.Refused refused) {
            throw new ErpSetupException(refused.reason());
        }
        String since = queued.queuedAt() == null ? "" : " since " + queued.queuedAt();
        String problem = null;
        if (verdict instanceof ErpAnswer.Unreachable unreachable) {
            problem = "the ERP's verdict on PO " + queued.label() + " (" + queued.idempotencyKey() + ", queued as "
                    + queued.erpDocumentId() + since + ") could not be read: " + unreachable.reason();
        }
        else if (verdict instanceof ErpAnswer.Vanished vanished) {
            problem = "the ERP's verdict on PO " + queued.label() + " (" + queued.idempotencyKey() + ", queued as "
                    + queued.erpDocumentId() + since + ") can no longer be read: " + vanished.reason();
        }
        else if (verdict instanceof ErpAnswer.Queued && overdue != null && queued.queuedAt() != null
                && queued.queuedAt().plus(overdue).isBefore(OffsetDateTime.now(clock))) {
            problem = "PO " + queued.label() + " (" + queued.idempotencyKey() + ") has waited for the ERP's verdict"
                    + since + ", longer than erp.verdict-overdue (" + overdue + "): check the ERP's import of its "
                    + "rows (queued as " + queued.erpDocumentId() + ")";
        }
        if (problem != null) {
            ledger.recordVerdictProblem(queued.idempotencyKey(), problem, jobExecutionId);
            log.warn("{}", problem);
            return new Verdict(verdict, true);
        }
        if (verdict instanceof ErpAnswer.Queued && queued.verdictProblem() != null) {
            // Readable again and not overdue: no longer failing.
            ledger.recordVerdictProblem(queued.idempotencyKey(), null, jobExecutionId);
        }
        return new Verdict(verdict, false);
    }

    /**
     * The ERP rejected a snapshot it had queued: a PO marked exported while it waited is put back, so that it comes
     * back to be sent again (as a buyer's fix will anyway), before the rejection is recorded. A crash in between
     * leaves it queued in the ledger, and the next run reads the verdict and puts it back again.
     */
    void putBack(LedgerEntry rejected) {
        if (rejected.coupaMark() != CoupaMark.MARKED) {
            return;
        }
        String reason;
        try {
            coupa.markNotExported(rejected.coupaId());
            reason = null;
            log.info("PO {} put back to not exported in Coupa: the ERP rejected it", rejected.label());
        }
        catch (CoupaRefusedException refused) {
            // Left marked: the ledger row and the report in Coupa say so, and an operator can replay it with --po.
            reason = "the ERP rejected PO " + rejected.label() + ", but Coupa refused to put it back to not exported: "
                    + refused.getMessage();
            log.error("{}", reason);
        }
        ledger.recordMark(rejected.idempotencyKey(), reason == null ? null : CoupaMark.REFUSED, reason);
    }
}
