package io.github.coupapoexport.export;

import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EDITED;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What earlier runs left half-done, finished: the real ledger on H2, an ERP and a Coupa that answer as told. */
class UnfinishedSnapshotsTest {

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(Po4821.ID, 2, "issued")
        .holds(1, 1, "issued")
        .holds(2, 1, "issued")
        .holds(3, 1, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void snapshotSentWithoutAnAnswerIsResentUnderItsOwnKeyAndMarked() {
        // given a run that died after posting the snapshot
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);

        // when the next run starts
        List<Result> results = unfinished(3).finish(2);

        // then the very document kept is sent again under the same key, and the PO is marked
        assertThat(results).containsExactly(Result.EXPORTED);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey());
        assertThat(erp.deliveries().get(0).json()).isEqualTo(row(READ).document());
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark, LedgerEntry::attempts,
                LedgerEntry::jobExecutionId).containsExactly(LedgerOutcome.ACCEPTED, CoupaMark.MARKED, 2, 2L);
    }

    @Test
    void documentAnOlderVersionKeptIsResentWordForWordEvenWhenItNoLongerReadsAsTodaysDocument() {
        // given a run of an older version that died after posting a document of a shape this version does not know
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        String older = "{\"source\":\"coupa\",\"coupaId\":4821,\"lines\":null,\"formerField\":1}";
        database.rewriteDocument(READ, older);

        // when the next run starts
        List<Result> results = unfinished(3).finish(2);

        // then the ERP gets that very text again under the same key, and the PO is marked
        assertThat(results).containsExactly(Result.EXPORTED);
        assertThat(erp.deliveries()).extracting(ErpDelivery::idempotencyKey, ErpDelivery::json)
            .containsExactly(tuple(READ.idempotencyKey(), older));
    }

    @Test
    void changeResentNamesTheErpsDocumentItChanges() {
        // given a snapshot the ERP accepted as ERP-77, and a run that died after posting the PO's next version
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(READ.idempotencyKey(), 201, "ERP-77");
        ledger.recordMark(READ.idempotencyKey(), CoupaMark.MARKED, null);
        ledger.recordSending(EDITED, document(ErpAction.UPDATE), 1);

        // when the next run starts
        unfinished(3).finish(2);

        // then the change goes again under its own key, with the ERP's id of the document it changes
        assertThat(erp.deliveries()).extracting(ErpDelivery::idempotencyKey, ErpDelivery::erpDocumentId)
            .containsExactly(tuple(EDITED.idempotencyKey(), "ERP-77"));
    }

    @Test
    void snapshotTheErpAcceptedAndCoupaNeverHeardOfIsOnlyMarked() {
        // given a run killed between the ERP's answer and the mark
        accepted(READ);

        // when the next run starts
        List<Result> results = unfinished(3).finish(2);

        // then
        assertThat(results).containsExactly(Result.SKIPPED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(row(READ).coupaMark()).isEqualTo(CoupaMark.MARKED);
    }

    @Test
    void acceptedSnapshotThatALaterOneFollowedIsNotMarkedAnyMore() {
        // given an accepted snapshot never marked, and the PO's next snapshot handled since
        accepted(READ);
        ledger.recordSending(EDITED, document(ErpAction.UPDATE), 2);
        ledger.recordFailure(EDITED.idempotencyKey(), LedgerOutcome.REJECTED, 422, "rejected");

        // when the next run starts
        List<Result> results = unfinished(3).finish(3);

        // then Coupa is not asked: the later snapshot decides what Coupa shows
        assertThat(results).isEmpty();
        assertThat(coupa.calls()).isEmpty();
        assertThat(row(READ).coupaMark()).isEqualTo(CoupaMark.SUPERSEDED);
    }

    @Test
    void snapshotTheErpRejectsWhenResentIsAFailureLeftUnmarked() {
        // given a snapshot sent without an answer, which the ERP now refuses
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        erp.answering(new ErpAnswer.Rejected(422, "supplier SUP-0077 is blocked"));

        // when the next run starts
        List<Result> results = unfinished(3).finish(2);

        // then
        assertThat(results).containsExactly(Result.REJECTED);
        assertThat(coupa.calls()).isEmpty();
        assertThat(row(READ).outcome()).isEqualTo(LedgerOutcome.REJECTED);
    }

    @Test
    void erpSilentForOutageThresholdSnapshotsInARowLeavesTheRestForTheNextRun() {
        // given three POs sent without an answer, and an ERP that still does not answer
        for (long id = 1; id <= 3; id++) {
            ledger.recordSending(otherPo(id), document(ErpAction.CREATE), 1);
        }
        erp.answering(new ErpAnswer.Unreachable("timeout"), new ErpAnswer.Unreachable("timeout"));

        // when the next run starts, with an outage threshold of 2
        List<Result> results = unfinished(2).finish(2);

        // then the third is not tried: the ERP looks down
        assertThat(results).containsExactly(Result.UNANSWERED, Result.UNANSWERED);
        assertThat(erp.deliveredKeys()).containsExactly(otherPo(1).idempotencyKey(), otherPo(2).idempotencyKey());
        assertThat(row(otherPo(3))).extracting(LedgerEntry::outcome, LedgerEntry::attempts)
            .containsExactly(LedgerOutcome.SENDING, 1);
    }

    @Test
    void markCoupaDoesNotAnswerIsLeftForTheNextRun() {
        // given two accepted snapshots never marked, and a Coupa that fails the first mark
        accepted(otherPo(1));
        accepted(otherPo(2));
        coupa.failsToAnswer(1);

        // when the next run starts, with an outage threshold of 2
        List<Result> results = unfinished(2).finish(2);

        // then the first waits for the next run; the second is marked
        assertThat(results).containsExactly(Result.SKIPPED);
        assertThat(row(otherPo(1)).coupaMark()).isNull();
        assertThat(row(otherPo(2)).coupaMark()).isEqualTo(CoupaMark.MARKED);
    }

    @Test
    void marksCoupaFailsOutageThresholdTimesInARowStopTheRun() {
        // given two accepted snapshots never marked, and a Coupa that answers no mark
        accepted(otherPo(1));
        accepted(otherPo(2));
        coupa.failsToAnswer(1).failsToAnswer(2);

        // when the next run starts, with an outage threshold of 2, then it stops: Coupa itself is failing
        assertThatThrownBy(() -> unfinished(2).finish(2)).isInstanceOf(CoupaCallException.class)
            .hasMessageContaining("/api/purchase_orders/2");
    }

    @Test
    void erpRefusingTheCredentialsOnAResendStopsTheRun() {
        // given a snapshot sent without an answer, and an ERP that now refuses the job's credentials
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        erp.answering(new ErpAnswer.Refused(401, "POST https://erp/api/purchase-orders answered 401"));

        // when the next run starts, then it stops on a setup problem, and the snapshot stays to resend
        assertThatThrownBy(() -> unfinished(3).finish(2)).isInstanceOf(ErpSetupException.class);
        assertThat(row(READ).outcome()).isEqualTo(LedgerOutcome.SENDING);
        assertThat(coupa.calls()).isEmpty();
    }

    @Test
    void runThatLostItsRunLockFinishesNothing() {
        // given a snapshot to resend
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        UnfinishedSnapshots unfinished = new UnfinishedSnapshots(erp, coupa, ledger, 3, () -> {
            throw new IllegalStateException("run lock lost");
        });

        // when the run no longer holds the run lock, then another run may be finishing it: this one sends nothing
        assertThatThrownBy(() -> unfinished.finish(2)).hasMessage("run lock lost");
        assertThat(erp.deliveries()).isEmpty();
    }

    private UnfinishedSnapshots unfinished(int outageThreshold) {
        return new UnfinishedSnapshots(erp, coupa, ledger, outageThreshold, () -> {
        });
    }

    private void accepted(PurchaseOrderSnapshot snapshot) {
        ledger.recordSending(snapshot, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(snapshot.idempotencyKey(), 201, "ERP-" + snapshot.coupaId());
    }

    private LedgerEntry row(PurchaseOrderSnapshot snapshot) {
        return ledger.find(snapshot.idempotencyKey()).orElseThrow();
    }

    /** Version 1 of another PO, numbered by its Coupa id. */
    private static PurchaseOrderSnapshot otherPo(long id) {
        String updatedAt = "2026-03-01T10:00:00-08:00";
        return new PurchaseOrderSnapshot(id, String.valueOf(id), 1, OffsetDateTime.parse(updatedAt), "issued",
                PurchaseOrderSnapshot.idempotencyKey(id, 1, updatedAt));
    }
}
