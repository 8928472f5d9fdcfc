package io.github.coupapoexport.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.coupa.PurchaseOrderState;
import io.github.coupapoexport.ledger.Baselines;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderExport.ReadyForErp;
import io.github.coupapoexport.mapping.PurchaseOrderExport;
import io.github.coupapoexport.mapping.PurchaseOrderMapper;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baselines one PO: records that the ERP holds it already (keyed in by hand before go-live), then marks it exported in
 * Coupa without sending it, through the same mark call, rate limiter and version check as the export. The record comes
 * first, so that a crash between the two leaves an intent that the next baseline finishes ({@link #finishUnmarked}).
 * <p>
 * If Coupa's answer to the mark shows another version or status than was read, a buyer changed the PO meanwhile: it is
 * put back to not exported, so that the export sends its current version, as an UPDATE of what the ERP holds.
 */
public class BaselineProtocol {

    /** How one PO ended. */
    public enum Result {
        /** Recorded as held by the ERP and marked exported in Coupa. */
        MARKED,
        /** A buyer changed it meanwhile: put back, still held by the ERP; the next run sends it as an UPDATE. */
        CHANGED_MEANWHILE,
        /** Coupa refused the mark (or to put a changed PO back): recorded, for {@code failures} to list. */
        REFUSED,
        /** The ledger knows it from the export (or at another version): the export's, left alone. */
        LEFT_TO_EXPORT
    }

    /** One PO to baseline: its snapshot, the lines the ERP is taken to hold, and how they were found. */
    public record Baselining(PurchaseOrderSnapshot snapshot, List<ErpPurchaseOrder.Line> heldLines, String note) {

        public Baselining {
            heldLines = List.copyOf(heldLines);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(BaselineProtocol.class);

    private final PurchaseOrderMarks coupa;

    private final Baselines baselines;

    private final ExportLedger ledger;

    public BaselineProtocol(PurchaseOrderMarks coupa, Baselines baselines, ExportLedger ledger) {
        this.coupa = coupa;
        this.baselines = baselines;
        this.ledger = ledger;
    }

    /**
     * What the ERP is taken to hold of a PO: its document's live lines, mapped as the export would map a first version,
     * so that a line the next version no longer has is sent as deleted with the values Coupa had for it. A PO the
     * mapping refuses (hand-keyed POs often lack what the export needs) is still baselined, with each live line's id and
     * number only, as the ledger held lines before it kept them whole.
     */
    public static Baselining held(CoupaPurchaseOrder po, PurchaseOrderMapper mapper) {
        PurchaseOrderExport mapped = mapper.map(po, Optional.empty());
        if (mapped instanceof ReadyForErp ready) {
            return new Baselining(ready.snapshot(), ready.document().liveLines(),
                    "baselined: the ERP holds it from before go-live; not sent");
        }
        InvalidPurchaseOrder invalid = (InvalidPurchaseOrder) mapped;
        List<ErpPurchaseOrder.Line> lines = new ArrayList<>();
        for (CoupaPurchaseOrder.Line line : po.orderLines() == null ? List.<CoupaPurchaseOrder.Line>of() : po.orderLines()) {
            if (line != null && line.id() != null && (line.deletedAt() == null || line.deletedAt().isBlank())) {
                lines.add(new ErpPurchaseOrder.Line(line.lineNum(), line.id(), null, null, null, null, null, null, null,
                        null, null, false));
            }
        }
        return new Baselining(invalid.snapshot(), lines, "baselined: the ERP holds it from before go-live; not sent. "
                + "Its lines are kept by id and number only, as it would not map: " + String.join("; ",
                        invalid.problems()));
    }

    public Result baseline(Baselining po, long jobExecutionId) {
        PurchaseOrderSnapshot snapshot = po.snapshot();
        if (!baselines.takes(snapshot.coupaId(), snapshot.idempotencyKey())) {
            log.info("PO {} ({}) is left to the export: the ledger knows it from an export or at another version, so "
                    + "its current version goes to the ERP", snapshot.label(), snapshot.idempotencyKey());
            return Result.LEFT_TO_EXPORT;
        }
        baselines.recordBaselining(snapshot, po.heldLines(), po.note(), jobExecutionId);
        return mark(snapshot.idempotencyKey(), snapshot.coupaId(), snapshot.label(), snapshot.version(),
                snapshot.status());
    }

    /**
     * The snapshots an earlier baseline recorded and never saw marked (it failed or was killed in between): marked now,
     * with the same check, before any PO is read, so that none is lost or marked at a version that was never read.
     */
    public List<Result> finishUnmarked(long jobExecutionId) {
        List<Result> results = new ArrayList<>();
        for (LedgerEntry entry : baselines.unmarked()) {
            ledger.recordHandledBy(entry.idempotencyKey(), jobExecutionId);
            results.add(mark(entry.idempotencyKey(), entry.coupaId(), entry.label(), entry.poVersion(),
                    entry.poStatus()));
        }
        return results;
    }

    private Result mark(String key, long coupaId, String label, @Nullable Integer version, @Nullable String status) {
        PurchaseOrderState state;
        try {
            state = coupa.markExported(coupaId);
        }
        catch (CoupaRefusedException refused) {
            String reason = "Coupa refused to mark PO " + label + " exported, so it stays unexported; it is baselined "
                    + "and the next run only marks it: " + refused.getMessage();
            baselines.recordMarkRefused(key, reason);
            log.warn("{}", reason);
            return Result.REFUSED;
        }
        if (!state.complete()) {
            state = coupa.state(coupaId);
        }
        if (!state.movedFrom(version, status)) {
            baselines.recordMarked(key);
            return Result.MARKED;
        }
        String reason = "PO " + label + " moved from version " + version + " (" + status + ") to version "
                + state.version() + " (" + state.status() + ") in Coupa while the baseline marked it; put back to not "
                + "exported, so that the next run sends version " + state.version() + " as an update";
        try {
            coupa.markNotExported(coupaId);
        }
        catch (CoupaRefusedException refused) {
            String failure = reason + ", but Coupa refused to put it back: " + refused.getMessage()
                    + "; send it with retry --po=" + label;
            baselines.recordPutBackRefused(key, failure);
            log.error("{}", failure);
            return Result.REFUSED;
        }
        baselines.recordChangedMeanwhile(key, reason);
        log.info("{}", reason);
        return Result.CHANGED_MEANWHILE;
    }
}
