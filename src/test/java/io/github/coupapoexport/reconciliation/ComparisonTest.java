package io.github.coupapoexport.reconciliation;

import java.time.OffsetDateTime;
import java.util.Optional;

import io.github.coupapoexport.coupa.CoupaPurchaseOrder;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.ledger.Acceptance;
import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import io.github.coupapoexport.ledger.ReconciliationSummary.Fix;
import io.github.coupapoexport.ledger.ReconciliationSummary.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How Coupa, the ledger and the ERP disagree about one PO; no Spring, no database, no HTTP. */
class ComparisonTest {

    private static final ErpHolding NOT_READ = null;

    @Test
    void exportedPoTheErpNeverAcceptedIsNotInTheErp() {
        Optional<Difference> difference = Comparison.exported(coupa(3, "issued", true), null, NOT_READ);

        assertThat(difference).hasValue(new Difference(4821, "PO-4821", Kind.NOT_IN_ERP, 3, "issued", null, null,
                Fix.NONE, null));
    }

    @Test
    void exportedPoAcceptedAtItsVersionAgrees() {
        assertThat(Comparison.exported(coupa(3, "issued", true), accepted(3, "issued"), NOT_READ)).isEmpty();
        assertThat(Comparison.exported(coupa(3, "issued", true), accepted(3, "issued"), new ErpHolding.Held(3, "E-1")))
            .isEmpty();
    }

    @Test
    void exportedPoAtANewerVersionThanTheLedgerAcceptedIsNewerInCoupa() {
        assertThat(Comparison.exported(coupa(4, "issued", true), accepted(3, "issued"), NOT_READ))
            .map(Difference::kind).hasValue(Kind.NEWER_IN_COUPA);
    }

    @Test
    void exportedPoTheErpHoldsOlderThanTheLedgerSaysIsNewerInCoupa() {
        Optional<Difference> difference = Comparison.exported(coupa(3, "issued", true), accepted(3, "issued"),
                new ErpHolding.Held(2, "E-1"));

        assertThat(difference).map(Difference::kind).hasValue(Kind.NEWER_IN_COUPA);
        assertThat(difference).map(Difference::erpHolds).hasValue("version 2");
        assertThat(difference).map(Difference::ledgerVersion).hasValue(3);
    }

    @Test
    void exportedPoTheLedgerSaysAcceptedButTheErpDoesNotHoldWasLost() {
        Optional<Difference> difference = Comparison.exported(coupa(3, "issued", true), accepted(3, "issued"),
                new ErpHolding.NotHeld());

        assertThat(difference).map(Difference::kind).hasValue(Kind.NOT_IN_ERP);
        assertThat(difference).map(Difference::erpHolds).hasValue("none");
    }

    @Test
    void exportedPoTheErpHoldsWithoutTheLedgerAgreesUnlessTheErpHoldsItOlder() {
        assertThat(Comparison.exported(coupa(3, "issued", true), null, new ErpHolding.Held(3, null))).isEmpty();
        assertThat(Comparison.exported(coupa(3, "issued", true), null, new ErpHolding.Held(null, null))).isEmpty();
        assertThat(Comparison.exported(coupa(3, "issued", true), null, new ErpHolding.Held(2, null)))
            .map(Difference::kind).hasValue(Kind.NEWER_IN_COUPA);
    }

    @Test
    void anOutcomeThatOnlyStandsForTheErpHoldingThePoIsComparedByVersionOnly() {
        Acceptance baselined = new Acceptance(4821, "PO-4821", 3, "issued", false, OffsetDateTime.now(), null);

        assertThat(Comparison.exported(coupa(3, "issued", true), baselined, new ErpHolding.NotHeld())).isEmpty();
        assertThat(Comparison.exported(coupa(4, "issued", true), baselined, NOT_READ)).map(Difference::kind)
            .hasValue(Kind.NEWER_IN_COUPA);
    }

    @Test
    void unknownVersionsAreNotCompared() {
        assertThat(Comparison.exported(coupa(null, "issued", true), accepted(3, "issued"), NOT_READ)).isEmpty();
        assertThat(Comparison.exported(coupa(3, "issued", true), accepted(null, "issued"), NOT_READ)).isEmpty();
    }

    @Test
    void poTheErpAcceptedAsCoupaHasItThatCoupaDoesNotShowExportedIsNotExported() {
        Optional<Difference> difference = Comparison.notListed(coupa(3, "Issued ", false), accepted(3, "issued"),
                NOT_READ);

        assertThat(difference).hasValue(new Difference(4821, "PO-4821", Kind.NOT_EXPORTED, 3, "Issued ", 3, null,
                Fix.NONE, null));
    }

    @Test
    void poThatMovedOnSinceTheErpAcceptedItIsWaitingForTheNextRun() {
        assertThat(Comparison.notListed(coupa(4, "issued", false), accepted(3, "issued"), NOT_READ)).isEmpty();
        assertThat(Comparison.notListed(coupa(3, "closed", false), accepted(3, "issued"), NOT_READ)).isEmpty();
    }

    @Test
    void poNotListedThatCoupaShowsExportedOrTheErpDoesNotHoldAgrees() {
        assertThat(Comparison.notListed(coupa(3, "issued", true), accepted(3, "issued"), NOT_READ)).isEmpty();
        assertThat(Comparison.notListed(coupa(3, "issued", false), accepted(3, "issued"), new ErpHolding.NotHeld()))
            .isEmpty();
    }

    @Test
    void whatTheErpHoldsReadsAsAPersonWouldSayIt() {
        assertThat(Comparison.erpHolds(NOT_READ)).isNull();
        assertThat(Comparison.erpHolds(new ErpHolding.NotHeld())).isEqualTo("none");
        assertThat(Comparison.erpHolds(new ErpHolding.Held(null, "E-1"))).isEqualTo("held");
        assertThat(Comparison.erpHolds(new ErpHolding.Held(5, "E-1"))).isEqualTo("version 5");
    }

    @Test
    void aCancelledPoTheErpDoesNotHoldAgreesForThereIsNothingToSend() {
        // SAP takes the cancel of a PO it never had as done; other ERPs delete a cancelled PO
        assertThat(Comparison.exported(coupa(1, "cancelled", true), accepted(1, "cancelled"), new ErpHolding.NotHeld()))
            .isEmpty();
        assertThat(Comparison.exported(coupa(1, "canceled", true), null, new ErpHolding.NotHeld())).isEmpty();
        // an issued PO the ERP lost is still a difference
        assertThat(Comparison.exported(coupa(1, "issued", true), accepted(1, "issued"), new ErpHolding.NotHeld()))
            .map(Difference::kind).hasValue(Kind.NOT_IN_ERP);
    }

    @Test
    void aPoExportedBeforeTheJobFirstRanAndNeverHandledByItCannotBeJudgedWithoutTheErp() {
        OffsetDateTime jobStarted = OffsetDateTime.parse("2026-11-25T08:00:00Z");

        // last updated (marked by the integration the job replaced) before the job's first attempt: not judged
        assertThat(Comparison.exportedBeforeThisJob(coupa(3, "issued", true), false, jobStarted)).isTrue();
        // the ledger is empty: the job never ran, everything exported was exported by something else
        assertThat(Comparison.exportedBeforeThisJob(coupa(3, "issued", true), false, null)).isTrue();
        // handled by the job at least once, or updated after it started (a mark by hand moves updated-at): judged
        assertThat(Comparison.exportedBeforeThisJob(coupa(3, "issued", true), true, jobStarted)).isFalse();
        assertThat(Comparison.exportedBeforeThisJob(coupa(3, "issued", true), false,
                OffsetDateTime.parse("2026-11-24T09:00:00Z"))).isFalse();
    }

    private static CoupaPurchaseOrder coupa(Integer version, String status, boolean exported) {
        return new CoupaPurchaseOrder(4821L, "PO-4821", version, status, "2026-11-24T10:00:00Z", exported, null, null,
                null, null, null, null, null, null);
    }

    private static Acceptance accepted(Integer version, String status) {
        return new Acceptance(4821, "PO-4821", version, status, true, OffsetDateTime.parse("2026-11-24T10:00:00Z"),
                "E-1");
    }
}
