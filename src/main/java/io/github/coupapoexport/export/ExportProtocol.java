package io.github.coupapoexport.export;

import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one PO: every step is written to the ledger before the call it stands for, so that whatever a crash or an
 * unanswered call leaves half-done, the next run finds and finishes ({@link UnfinishedSnapshots}).
 */
public class ExportProtocol {

    /** How one PO ended, for the run's tally. */
    public enum Result {
        /** The ERP accepted it (and, after the ERP, Coupa shows it exported or its newer version comes next). */
        EXPORTED,
        /** The ERP held it already and it was only marked, or the PO moved on before it was sent. */
        SKIPPED,
        /** The ERP refused it, or accepted it and Coupa refused the mark: recorded and reported. */
        REJECTED,
        /** Invalid, or Coupa refused it before the ERP saw it, or held back behind an earlier snapshot. */
        FAILED,
        /** The ERP never answered: recorded like a failure, and one more step towards an outage. */
        UNANSWERED,
        /** Written into the ERP's import queue now: the ERP's verdict is read by a later run. */
        QUEUED,
        /**
         * In the ERP's import queue already, or waiting behind a snapshot that is: counted as queued, but the ERP was
         * not asked, so it says nothing about whether the ERP answers (an outage is not hidden behind it).
         */
        WAITING
    }

    private static final Logger log = LoggerFactory.getLogger(ExportProtocol.class);

    private final Erp erp;

    private final PurchaseOrderMarks coupa;

    private final ExportLedger ledger;

    private final CoupaMarking marking;

    private final ErpAnswerRecorder answers;

    private final MarkExported markExported;

    public ExportProtocol(Erp erp, PurchaseOrderMarks coupa, ExportLedger ledger, MarkExported markExported) {
        this.erp = erp;
        this.coupa = coupa;
        this.ledger = ledger;
        this.marking = new CoupaMarking(coupa, ledger);
        this.answers = new ErpAnswerRecorder(ledger);
        this.markExported = markExported;
    }

    public Result recordInvalid(InvalidPurchaseOrder invalid, long jobExecutionId) {
        ledger.recordInvalid(invalid.snapshot(), invalid.reason(), jobExecutionId);
        log.warn("{}", invalid.reason());
        return Result.FAILED;
    }

    /**
     * @param replay sent again on purpose ({@code --po}): even a document the ERP already holds word for word
     */
    public Result export(PurchaseOrderSnapshot snapshot, ErpPurchaseOrder document, long jobExecutionId,
            boolean replay) {
        String key = snapshot.idempotencyKey();
        LedgerEntry known = ledger.find(key).orElse(null);
        if (known != null && known.erpHolds()) {
            if (known.accepted() && ledger.putBackByReconciliation(known)) {
                // reconcile --fix found that the ERP does not hold what it accepted under this very key: sent again on
                // purpose, under a key of its own, as a replay is, since an ERP that honours keys would answer 409.
                log.info("PO {} ({}) is sent again: reconcile --fix found the ERP does not hold it as accepted",
                        snapshot.label(), key);
                return export(snapshot.replayedIn(jobExecutionId), document, jobExecutionId, true);
            }
            // The ERP applied this very snapshot before and the run stopped before Coupa heard of it; or a baseline
            // took it as held (keyed in by hand) and stopped, or Coupa refused, before it was marked.
            ledger.recordHandledBy(key, jobExecutionId);
            log.info("PO {} ({}) is held by the ERP already ({}); marking it exported without sending it",
                    snapshot.label(), key, known.accepted() ? "accepted as " + known.erpDocumentId() : "baselined");
            return markOnly(snapshot);
        }
        if (known != null && known.outcome() == LedgerOutcome.QUEUED) {
            // Coupa offers the PO again because it is marked only once the ERP accepts it: nothing to do until then.
            log.debug("PO {} ({}) waits in the ERP's import queue", snapshot.label(), key);
            return Result.WAITING;
        }
        LedgerEntry unknown = ledger.unknownOutcomeBefore(snapshot.coupaId(), key).orElse(null);
        if (replay && unknown != null && unknown.outcome() == LedgerOutcome.QUEUED && unknown.verdictProblem() != null
                && erp.verdict(unknown.idempotencyKey()) instanceof ErpAnswer.Vanished) {
            // The operator's way out when the ERP's rows are gone before their verdict was read: having checked that
            // the ERP does not hold the PO, they send it again on purpose. Rows still there (an overdue verdict, a
            // database down) hold it back: sent now, it could be imported beside them.
            log.warn("PO {} is sent again on request although the ERP's verdict on its earlier snapshot {} could not "
                    + "be read ({})", snapshot.label(), unknown.idempotencyKey(), unknown.verdictProblem());
            unknown = null;
        }
        if (unknown != null && unknown.outcome() == LedgerOutcome.QUEUED) {
            // Not recorded: the PO stays unexported in Coupa and comes back, to be sent once the ERP has decided on
            // the earlier snapshot (sent now, it would be a second CREATE, or an UPDATE of a PO the ERP may reject).
            log.info("PO {} waits: its earlier snapshot {} is still in the ERP's import queue", snapshot.label(),
                    unknown.idempotencyKey());
            return Result.WAITING;
        }
        if (unknown != null) {
            String reason = "PO " + snapshot.label() + " was not sent: the ERP's answer to its earlier snapshot "
                    + unknown.idempotencyKey() + " is still unknown, and it is sent again first, so that the ERP never "
                    + "gets a second CREATE or misses a deleted line";
            ledger.recordNotSent(snapshot, reason, jobExecutionId);
            log.warn("{}", reason);
            return Result.FAILED;
        }
        if (!replay && rejectedInThisRun(snapshot, document, jobExecutionId)) {
            return Result.FAILED;
        }
        String kept = ledger.recordSending(snapshot, document, jobExecutionId);
        // What the ERP holds of the PO. A CREATE was mapped from a ledger that holds no accepted snapshot of it: nothing
        // to compare with or to name, and no second look-up of the ledger for the most common document.
        LedgerEntry holds = document.action() == ErpAction.CREATE ? null
                : ledger.lastAcceptedEntry(snapshot.coupaId()).orElse(null);
        // Unless reconcile --fix found that the ERP does not hold it as the ledger says, and put the PO back for it.
        LedgerEntry held = replay || holds == null || !ErpDocumentJson.sameContentButAction(holds.document(), kept)
                || ledger.putBackByReconciliation(holds) ? null : holds;
        if (held != null) {
            // Coupa offers the PO again without a change the ERP would see (its updated-at moved: a status field, a
            // mark Coupa refused, an edit the ERP document does not carry): sending it would apply the same again.
            ledger.recordAlreadyHeld(key, held.erpDocumentId(), "the ERP already holds this content (" +
                    held.idempotencyKey() + "), so it was not sent again");
            return markOnly(snapshot);
        }
        if (markExported == MarkExported.BEFORE_ERP) {
            CoupaMark mark = marking.mark(marked(snapshot));
            if (mark == CoupaMark.REFUSED) {
                ledger.recordFailure(key, LedgerOutcome.COUPA_REFUSED, null, "PO " + snapshot.label()
                        + " was not sent to the ERP: " + ledger.find(key).map(LedgerEntry::coupaMarkMessage).orElse(
                                "Coupa refused to mark it exported first"));
                return Result.FAILED;
            }
            if (mark == CoupaMark.UNMARKED) {
                ledger.recordSuperseded(key, "PO " + snapshot.label() + " changed in Coupa before it was sent; its "
                        + "current version is exported instead");
                return Result.SKIPPED;
            }
        }
        return send(snapshot, kept, holds == null ? null : holds.erpDocumentId());
    }

    /**
     * Whether the ERP rejected this very content of the PO earlier in this run: an ERP that decides later gives its
     * verdict at the start of a run, and a PO put back in Coupa for it is read again by the same run (under a new
     * key, as putting it back moved its {@code updated-at}). Sent again at once it would only be rejected again; it
     * is left, unrecorded, for the next run, when the ERP's data or the PO may have been fixed.
     */
    private boolean rejectedInThisRun(PurchaseOrderSnapshot snapshot, ErpPurchaseOrder document, long jobExecutionId) {
        LedgerEntry rejected = ledger.rejectedIn(snapshot.coupaId(), jobExecutionId).orElse(null);
        if (rejected == null || rejected.document() == null
                || !ErpDocumentJson.sameContentButAction(rejected.document(), ErpDocumentJson.write(document))) {
            return false;
        }
        log.info("PO {} is not sent again in this run: the ERP rejected the same content ({}) earlier in it; it is "
                + "sent again by the next run", snapshot.label(), rejected.idempotencyKey());
        return true;
    }

    /** The ERP holds the snapshot already: only Coupa is still to hear of it. */
    private Result markOnly(PurchaseOrderSnapshot snapshot) {
        return marking.mark(marked(snapshot)) == CoupaMark.REFUSED ? Result.FAILED : Result.SKIPPED;
    }

    /** Posts the document as the ledger keeps it, so that the first send and any resend are the same text. */
    private Result send(PurchaseOrderSnapshot snapshot, String kept, @Nullable String erpDocumentId) {
        String key = snapshot.idempotencyKey();
        ErpAnswer answer = erp.deliver(new ErpDelivery(key, kept, erpDocumentId));
        LedgerOutcome outcome = answers.record(key, snapshot.label(), answer);
        if (answer instanceof ErpAnswer.Queued queued) {
            // Marked now only if the adapter's policy counts a queued PO as exported (before-erp marked it already).
            boolean markNow = queued.countsAsExported() && markExported == MarkExported.AFTER_ERP;
            return markNow && marking.mark(marked(snapshot)) == CoupaMark.REFUSED ? Result.REJECTED : Result.QUEUED;
        }
        if (outcome == LedgerOutcome.ACCEPTED) {
            if (markExported == MarkExported.AFTER_ERP && marking.mark(marked(snapshot)) == CoupaMark.REFUSED) {
                return Result.REJECTED;
            }
            return Result.EXPORTED;
        }
        if (outcome == LedgerOutcome.REJECTED) {
            return Result.REJECTED;
        }
        if (answer instanceof ErpAnswer.Refused refused) {
            // Nothing was applied. The row stays SENDING, so the next run resends it once the setup is fixed; a PO
            // marked first is put back, so that no PO is left exported and never sent.
            if (markExported == MarkExported.BEFORE_ERP) {
                coupa.markNotExported(snapshot.coupaId());
                ledger.recordMark(key, null, null);
            }
            throw new ErpSetupException(refused.reason());
        }
        return Result.UNANSWERED;
    }

    private static CoupaMarking.Marked marked(PurchaseOrderSnapshot snapshot) {
        return new CoupaMarking.Marked(snapshot.idempotencyKey(), snapshot.coupaId(), snapshot.label(),
                snapshot.version(), snapshot.status());
    }
}
