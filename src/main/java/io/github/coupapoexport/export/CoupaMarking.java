package io.github.coupapoexport.export;

import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.coupa.PurchaseOrderState;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a snapshot's PO exported in Coupa and records the outcome in the ledger.
 * <p>
 * Coupa puts {@code exported} back to false when a buyer issues a new version, but a version issued between the job's
 * read and its mark is already false when the mark comes, so the mark would set it on the new version, which would
 * then never be selected again. Coupa's answer to the mark names the PO's version and status now: if either moved
 * from the snapshot that was read, the PO is put back to not exported, so that its current snapshot is exported in
 * this run or the next. {@code updated-at} is not compared: it moves on every update, the job's own included.
 */
public class CoupaMarking {

    private static final Logger log = LoggerFactory.getLogger(CoupaMarking.class);

    private final PurchaseOrderMarks coupa;

    private final ExportLedger ledger;

    public CoupaMarking(PurchaseOrderMarks coupa, ExportLedger ledger) {
        this.coupa = coupa;
        this.ledger = ledger;
    }

    /** A snapshot to mark: its ledger key, and the PO's version and status when it was read. */
    public record Marked(String idempotencyKey, long coupaId, String label, @Nullable Integer version,
            @Nullable String status) {
    }

    public CoupaMark mark(Marked snapshot) {
        PurchaseOrderState state;
        try {
            state = coupa.markExported(snapshot.coupaId());
        }
        catch (CoupaRefusedException refused) {
            String reason = "Coupa refused to mark PO " + snapshot.label() + " exported, so it stays unexported and "
                    + "comes back next run: " + refused.getMessage();
            ledger.recordMark(snapshot.idempotencyKey(), CoupaMark.REFUSED, reason);
            log.warn("{}", reason);
            return CoupaMark.REFUSED;
        }
        if (!state.complete()) {
            state = coupa.state(snapshot.coupaId());
        }
        if (!state.movedFrom(snapshot.version(), snapshot.status())) {
            ledger.recordMark(snapshot.idempotencyKey(), CoupaMark.MARKED, null);
            return CoupaMark.MARKED;
        }
        String reason = "PO " + snapshot.label() + " moved from version " + snapshot.version() + " (" + snapshot.status()
                + ") to version " + state.version() + " (" + state.status() + ") in Coupa while it was being exported; "
                + "put back to not exported so that version " + state.version() + " is exported next";
        try {
            coupa.markNotExported(snapshot.coupaId());
        }
        catch (CoupaRefusedException refused) {
            // Left marked: the ledger row says so, and an operator can replay the PO with --po.
            String failure = reason + ", but Coupa refused to put it back: " + refused.getMessage();
            ledger.recordMark(snapshot.idempotencyKey(), CoupaMark.REFUSED, failure);
            log.error("{}", failure);
            return CoupaMark.REFUSED;
        }
        ledger.recordMark(snapshot.idempotencyKey(), CoupaMark.UNMARKED, reason);
        log.info("{}", reason);
        return CoupaMark.UNMARKED;
    }
}
