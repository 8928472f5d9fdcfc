package io.github.coupapoexport.export;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EDITED;
import static io.github.coupapoexport.export.Po4821.ID;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An ERP that imports later (staging tables): a PO is queued, and a later run reads the ERP's verdict. The real ledger
 * on H2, an ERP and a Coupa that answer as each test says.
 */
class QueuedSnapshotsTest {

    private static final ErpAnswer QUEUED_UNTIL_ACCEPTED = new ErpAnswer.Queued("HDR-1", false);

    private static final ErpAnswer QUEUED_AS_EXPORTED = new ErpAnswer.Queued("HDR-1", true);

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(ID, 2, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void poQueuedUntilTheErpAcceptsItStaysUnexportedAndIsNotReportedYet() {
        // given an ERP that queues, with the policy when-accepted
        erp.answering(QUEUED_UNTIL_ACCEPTED);

        // when the PO is exported
        Result result = export(READ);

        // then it is queued, Coupa still shows it unexported, and Coupa's monitoring hears nothing yet
        assertThat(result).isEqualTo(Result.QUEUED);
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::erpDocumentId,
                LedgerEntry::coupaMark).containsExactly(LedgerOutcome.QUEUED, "HDR-1", null);
        assertThat(database.unreported()).isEmpty();
    }

    @Test
    void poQueuedWithThePolicyWhenQueuedIsMarkedExportedAtOnce() {
        // given an ERP that queues, with the policy when-queued
        erp.answering(QUEUED_AS_EXPORTED);

        // when the PO is exported
        Result result = export(READ);

        // then Coupa shows it exported, and the report waits for the ERP's verdict
        assertThat(result).isEqualTo(Result.QUEUED);
        assertThat(coupa.exported(ID)).isTrue();
        assertThat(database.row(READ).coupaMark()).isEqualTo(CoupaMark.MARKED);
        assertThat(database.unreported()).isEmpty();
    }

    @Test
    void poCoupaOffersAgainWhileItWaitsInTheQueueIsNotWrittenAgain() {
        // given a PO queued, still unexported in Coupa, so that the next run reads it again
        erp.answering(QUEUED_UNTIL_ACCEPTED);
        export(READ);

        // when it is exported again before the ERP decided
        Result again = export(READ);

        // then the ERP got it once
        assertThat(again).isEqualTo(Result.WAITING);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey());
    }

    @Test
    void newerVersionWaitsUnrecordedUntilTheErpDecidedOnTheQueuedOne() {
        // given version 2 queued, and then edited in Coupa
        erp.answering(QUEUED_AS_EXPORTED);
        export(READ);

        // when the edited PO is exported before the ERP decided on the queued one
        Result result = protocol().export(EDITED, document(ErpAction.UPDATE), 2, false);

        // then it is not sent (it would be a second CREATE) and not recorded, so that it comes back as it is
        assertThat(result).isEqualTo(Result.WAITING);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey());
        assertThat(ledger.find(EDITED.idempotencyKey())).isEmpty();
    }

    @Test
    void acceptanceReadBackIsMarkedAndReportedAsASuccess() {
        // given a PO queued until the ERP accepts it
        erp.answering(QUEUED_UNTIL_ACCEPTED).deciding(new ErpAnswer.Accepted(null, "PO-7001", false));
        export(READ);

        // when the next run reads the ERP's verdict
        List<Result> results = unfinished().finish(2);

        // then the PO is exported: marked in Coupa, and a success with the ERP's document number to report
        assertThat(results).containsExactly(Result.EXPORTED);
        assertThat(erp.verdictsAsked()).containsExactly(READ.idempotencyKey());
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::erpDocumentId,
                LedgerEntry::coupaMark, LedgerEntry::jobExecutionId)
            .containsExactly(LedgerOutcome.ACCEPTED, "PO-7001", CoupaMark.MARKED, 2L);
        assertThat(database.unreported()).extracting(UnreportedOutcome::success, UnreportedOutcome::responseCode)
            .containsExactly(tuple(true, "Success-ERP"));
    }

    @Test
    void acceptanceOfAPoMarkedWhenQueuedIsNotMarkedTwice() {
        // given a PO queued and marked at once
        erp.answering(QUEUED_AS_EXPORTED).deciding(new ErpAnswer.Accepted(null, "PO-7001", false));
        export(READ);

        // when the next run reads the ERP's verdict
        List<Result> results = unfinished().finish(2);

        // then
        assertThat(results).containsExactly(Result.EXPORTED);
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(database.unreported()).extracting(UnreportedOutcome::success).containsExactly(true);
    }

    @Test
    void rejectionReadBackPutsAPoMarkedWhenQueuedBackAndReportsTheErpsMessages() {
        // given a PO queued and marked at once, which the ERP's import then rejects
        erp.answering(QUEUED_AS_EXPORTED).deciding(new ErpAnswer.Rejected(null,
                "line 1, VENDOR_NUM: supplier S-100 is not a supplier in this operating unit"));
        export(READ);

        // when the next run reads the ERP's verdict
        List<Result> results = unfinished().finish(2);

        // then Coupa shows it unexported again, so that it comes back, and the ERP's message is reported
        assertThat(results).containsExactly(Result.REJECTED);
        assertThat(coupa.calls()).containsExactly("mark exported 4821", "mark not exported 4821");
        assertThat(coupa.exported(ID)).isFalse();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark,
                LedgerEntry::jobExecutionId).containsExactly(LedgerOutcome.REJECTED, null, 2L);
        assertThat(database.unreported()).singleElement().satisfies(report -> {
            assertThat(report.responseCode()).isEqualTo("Error-ERP");
            assertThat(report.responseMessage()).isEqualTo("PO " + READ.label() + " was rejected by the ERP: line 1, "
                    + "VENDOR_NUM: supplier S-100 is not a supplier in this operating unit");
        });
    }

    @Test
    void rejectedPoThatCoupaCouldNotPutBackYetStaysQueuedForTheNextRun() {
        // given a PO marked when queued and rejected, and Coupa failing the first time it is put back
        erp.answering(QUEUED_AS_EXPORTED).deciding(new ErpAnswer.Rejected(null, "rejected"),
                new ErpAnswer.Rejected(null, "rejected"));
        export(READ);
        coupa.failsToPutBackOnce(ID);

        // when one run cannot put it back, and the next can
        List<Result> first = unfinished().finish(2);
        LedgerEntry between = database.row(READ);
        List<Result> second = unfinished().finish(3);

        // then nothing is recorded as rejected while Coupa still shows it exported; the next run finishes it
        assertThat(first).isEmpty();
        assertThat(between.outcome()).isEqualTo(LedgerOutcome.QUEUED);
        assertThat(second).containsExactly(Result.REJECTED);
        assertThat(coupa.exported(ID)).isFalse();
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.REJECTED);
    }

    @Test
    void poStillUndecidedWaitsForTheNextRun() {
        // given a PO queued until accepted, and an ERP whose import has not run yet
        erp.answering(QUEUED_UNTIL_ACCEPTED).deciding(QUEUED_UNTIL_ACCEPTED);
        export(READ);

        // when the next run reads the verdict
        List<Result> results = unfinished().finish(2);

        // then nothing changes
        assertThat(results).isEmpty();
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.QUEUED);
    }

    @Test
    void poQueuedAsExportedThatARunStoppedBeforeMarkingIsMarkedByTheNext() {
        // given a PO the ERP queued, recorded, and a run that stopped before Coupa heard of it
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordQueued(READ.idempotencyKey(), "HDR-1");
        erp.deciding(QUEUED_AS_EXPORTED);

        // when the next run reads the verdict, still undecided
        List<Result> results = unfinished().finish(2);

        // then the policy's mark is made up for
        assertThat(results).containsExactly(Result.QUEUED);
        assertThat(coupa.exported(ID)).isTrue();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark)
            .containsExactly(LedgerOutcome.QUEUED, CoupaMark.MARKED);
    }

    @Test
    void erpThatCannotBeAskedLeavesTheVerdictsForTheNextRun() {
        // given a queued PO, and an ERP database that does not answer
        erp.answering(QUEUED_UNTIL_ACCEPTED).deciding(new ErpAnswer.Unreachable("connection refused"));
        export(READ);

        // when the next run reads the verdict
        List<Result> results = unfinished().finish(2);

        // then nothing is decided, the run goes on, and the PO counts as failing for this run, named with the reason
        assertThat(results).containsExactly(Result.UNANSWERED);
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.QUEUED);
            assertThat(row.verdictProblem()).contains("could not be read: connection refused");
        });
        assertThat(ledger.stillFailing(List.of(2L))).isOne();
    }

    @Test
    void erpThatRefusesTheJobsCredentialsWhenAskedStopsTheRun() {
        // given a queued PO, and an ERP database that refuses the job's login
        erp.answering(QUEUED_UNTIL_ACCEPTED).deciding(new ErpAnswer.Refused(0, "login refused"));
        export(READ);

        // when the next run reads the verdict, then it stops as for any setup problem
        assertThatThrownBy(() -> unfinished().finish(2)).isInstanceOf(ErpSetupException.class)
            .hasMessageContaining("login refused");
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.QUEUED);
    }

    private Result export(PurchaseOrderSnapshot snapshot) {
        return protocol().export(snapshot, document(ErpAction.CREATE), 1, false);
    }

    private ExportProtocol protocol() {
        return new ExportProtocol(erp, coupa, ledger, MarkExported.AFTER_ERP);
    }

    private UnfinishedSnapshots unfinished() {
        return new UnfinishedSnapshots(erp, coupa, ledger, 3, () -> {
        });
    }
}
