package io.github.coupapoexport.reconciliation;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.ledger.Acceptance;
import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import io.github.coupapoexport.ledger.ReconciliationSummary.Fix;
import io.github.coupapoexport.ledger.ReconciliationSummary.Kind;
import io.github.coupapoexport.ledger.ReconciliationSummary;
import org.jspecify.annotations.Nullable;

/**
 * How Coupa, the ledger and the ERP disagree about one PO, if they do. Pure: the three sides come in as read.
 * <p>
 * An ERP that was not read ({@code erp} null) leaves the ledger's word for what the ERP holds. A version the ERP does
 * not say, or Coupa does not, is not compared.
 */
public final class Comparison {

    private Comparison() {
    }

    /**
     * A PO Coupa shows exported.
     *
     * @param ledger the ledger's last acceptance of the PO, or null when the ERP never accepted it
     * @param erp what the ERP holds of it, or null when the ERP was not read
     */
    public static Optional<Difference> exported(CoupaPurchaseOrder coupa, @Nullable Acceptance ledger,
            @Nullable ErpHolding erp) {
        if (cancelled(coupa) && erp instanceof ErpHolding.NotHeld) {
            // An ERP need not hold a cancelled PO (SAP takes the cancel of a PO it never had as done; others delete
            // it): nothing to send. Put back, the next run would send the cancel again, and again every day.
            return Optional.empty();
        }
        if (ledger == null) {
            if (erp instanceof ErpHolding.Held held) {
                // In the ERP by another way than this job (by hand, another tool): agrees unless it is older.
                return older(held.revision(), coupa.version()) ? difference(Kind.NEWER_IN_COUPA, coupa, null, erp)
                        : Optional.empty();
            }
            return difference(Kind.NOT_IN_ERP, coupa, null, erp);
        }
        if (ledger.byErp() && erp instanceof ErpHolding.NotHeld) {
            // The ledger says the ERP accepted it, the ERP says it does not hold it: lost.
            return difference(Kind.NOT_IN_ERP, coupa, ledger, erp);
        }
        if (older(ledger.version(), coupa.version())
                || ledger.byErp() && erp instanceof ErpHolding.Held held && older(held.revision(), coupa.version())) {
            return difference(Kind.NEWER_IN_COUPA, coupa, ledger, erp);
        }
        return Optional.empty();
    }

    /**
     * A PO Coupa shows exported that this job cannot judge: the ledger has no row of it, the ERP was not read, and it
     * was last updated in Coupa before the job's first attempt of any PO ({@code jobStarted}; null when the ledger is
     * empty). Such a PO was exported before this job ran (by the integration it replaces, most often), and only the
     * ERP could say whether it holds it: listing it as not in the ERP would have {@code --fix} send every PO the old
     * integration exported, a second time. A PO marked by hand later has a later {@code updated-at}, as the mark moves
     * it, and is compared.
     */
    public static boolean exportedBeforeThisJob(CoupaPurchaseOrder coupa, boolean inLedger,
            @Nullable OffsetDateTime jobStarted) {
        if (inLedger) {
            return false;
        }
        if (jobStarted == null) {
            return true;
        }
        try {
            return OffsetDateTime.parse(coupa.updatedAt()).isBefore(jobStarted);
        }
        catch (RuntimeException unreadable) {
            // No time to go by: compared, as any PO.
            return false;
        }
    }

    /**
     * A PO whose latest snapshot the ERP accepted, as Coupa shows it now, when Coupa did not list it as exported. It
     * differs only when Coupa holds the very version and status the ERP accepted and does not show it exported: a PO
     * that moved on since is simply waiting for the next run, and one the ERP does not hold is not exported rightly.
     */
    public static Optional<Difference> notListed(CoupaPurchaseOrder coupa, Acceptance ledger, @Nullable ErpHolding erp) {
        if (Boolean.TRUE.equals(coupa.exported()) || erp instanceof ErpHolding.NotHeld
                || !Objects.equals(coupa.version(), ledger.version())
                || !normalised(coupa.status()).equals(normalised(ledger.status()))) {
            return Optional.empty();
        }
        return difference(Kind.NOT_EXPORTED, coupa, ledger, erp);
    }

    /** What the ERP holds, as the report and the ledger show it; null when it was not read. */
    public static @Nullable String erpHolds(@Nullable ErpHolding erp) {
        if (erp == null) {
            return null;
        }
        if (erp instanceof ErpHolding.Held held) {
            return held.revision() == null ? "held" : "version " + held.revision();
        }
        return ReconciliationSummary.NOT_HELD;
    }

    private static Optional<Difference> difference(Kind kind, CoupaPurchaseOrder coupa, @Nullable Acceptance ledger,
            @Nullable ErpHolding erp) {
        return Optional.of(new Difference(coupa.id(), coupa.poNumber(), kind, coupa.version(), coupa.status(),
                ledger == null ? null : ledger.version(), erpHolds(erp), Fix.NONE, null));
    }

    private static boolean older(@Nullable Integer held, @Nullable Integer coupa) {
        return held != null && coupa != null && held < coupa;
    }

    private static boolean cancelled(CoupaPurchaseOrder coupa) {
        String status = normalised(coupa.status());
        return status.equals("cancelled") || status.equals("canceled");
    }

    private static String normalised(@Nullable String status) {
        return status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
    }
}
