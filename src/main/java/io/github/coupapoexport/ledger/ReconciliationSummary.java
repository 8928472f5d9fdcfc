package io.github.coupapoexport.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One reconciliation of Coupa against the ledger and, where the adapter can read it, the ERP ({@code reconcile}), as
 * {@link Reconciliations#latest()} gives it to whoever shows "the last reconciliation".
 *
 * @param since POs changed in Coupa after this were compared
 * @param erpRead whether the ERP itself was read; if not, Coupa was compared with the ledger only
 * @param fix whether it ran with {@code --fix}
 * @param exportedInCoupa how many POs Coupa listed as exported since {@code since}
 * @param coupaCalls the Coupa calls it made, the un-marks of {@code --fix} included
 */
public record ReconciliationSummary(String id, Instant startedAt, Instant finishedAt, OffsetDateTime since,
        boolean erpRead, boolean fix, int exportedInCoupa, long coupaCalls, List<Difference> differences) {

    public ReconciliationSummary {
        differences = List.copyOf(differences);
    }

    /** How Coupa, the ledger and the ERP disagree about one PO. */
    public enum Kind {
        /** Coupa shows the PO exported, but the ERP never accepted it (exported by hand, by another tool, or lost). */
        NOT_IN_ERP,
        /** The ERP accepted the PO as Coupa has it now, but Coupa does not show it exported. */
        NOT_EXPORTED,
        /** Coupa shows the PO exported at a newer version than the ERP accepted. */
        NEWER_IN_COUPA;

        /** Whether {@code --fix} puts such a PO back to not exported, so that the next run sends it. */
        public boolean unmarkedByFix() {
            return this != NOT_EXPORTED;
        }
    }

    /** What {@code --fix} did about a difference. */
    public enum Fix {
        /** Nothing: run without {@code --fix}. */
        NONE,
        /** Put back to not exported in Coupa: the next run sends it. */
        UNMARKED,
        /** Coupa refused to put it back; the message says why. */
        REFUSED,
        /** Nothing needed: the next run finds it unexported and marks it (the ERP holds it already). */
        NEXT_RUN,
        /**
         * Left marked, for a person: the job never sent it, so a put-back would go to the ERP as a CREATE, and the ERP
         * holds it, or was not read and may (a PO marked exported by hand is mostly keyed into the ERP by hand).
         */
        BY_HAND
    }

    /**
     * One PO that differs.
     *
     * @param ledgerVersion the version the ledger last saw the ERP accept, or null when it never did
     * @param erpHolds what the ERP holds, as a person reads it ({@code none}, {@code version 3}, {@code held}), or
     * null when the ERP was not read
     */
    public record Difference(long coupaId, @Nullable String poNumber, Kind kind, @Nullable Integer coupaVersion,
            @Nullable String coupaStatus, @Nullable Integer ledgerVersion, @Nullable String erpHolds, Fix fix,
            @Nullable String fixMessage) {

        /**
         * Whether {@code --fix} may put it back: the next run sends a PO the ledger never saw the ERP hold as a CREATE,
         * which posts it a second time unless the ERP was read and does not hold it.
         */
        public boolean putBackSafely() {
            return kind.unmarkedByFix() && (ledgerVersion != null || NOT_HELD.equals(erpHolds));
        }

        public Difference fixed(Fix how, @Nullable String message) {
            return new Difference(coupaId, poNumber, kind, coupaVersion, coupaStatus, ledgerVersion, erpHolds, how,
                    message);
        }
    }

    /** What {@link Difference#erpHolds} says of a PO the ERP was read and does not hold. */
    public static final String NOT_HELD = "none";

    public long count(Kind kind) {
        return differences.stream().filter(difference -> difference.kind() == kind).count();
    }

    /** Coupa, the ledger and the ERP agree on every PO compared. */
    public boolean agrees() {
        return differences.isEmpty();
    }
}
