package io.github.coupapoexport.export;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.CoupaMark;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EDITED;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** One PO through the protocol: the real ledger on H2, an ERP and a Coupa that answer as each test says. */
class ExportProtocolTest {

    private static final long PO = Po4821.ID;

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(PO, 2, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void newPoAcceptedByTheErpIsMarkedExported() {
        // when a PO the ledger has never seen is exported
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then the ERP got it once, Coupa shows it exported, and the ledger says both
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(erp.deliveries()).extracting(ErpDelivery::idempotencyKey, ErpDelivery::erpDocumentId)
            .containsExactly(tuple(READ.idempotencyKey(), null));
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(coupa.exported(PO)).isTrue();
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ACCEPTED);
            assertThat(row.erpDocumentId()).isEqualTo("ERP-1");
            assertThat(row.coupaMark()).isEqualTo(CoupaMark.MARKED);
            assertThat(row.jobExecutionId()).isEqualTo(1);
        });
    }

    @Test
    void snapshotTheErpAcceptedBeforeIsOnlyMarked() {
        // given a run that stopped after the ERP accepted the snapshot and before Coupa heard of it
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(READ.idempotencyKey(), 201, "ERP-77");

        // when the next run reads the same snapshot
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 2, false);

        // then it is not delivered again, only marked, and counts for the run that marked it
        assertThat(result).isEqualTo(Result.SKIPPED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ACCEPTED);
            assertThat(row.erpDocumentId()).isEqualTo("ERP-77");
            assertThat(row.coupaMark()).isEqualTo(CoupaMark.MARKED);
            assertThat(row.jobExecutionId()).isEqualTo(2);
        });
    }

    @Test
    void laterSnapshotIsHeldBackWhileTheErpsAnswerToAnEarlierOneIsUnknown() {
        // given an earlier snapshot sent by a run that died before the ERP answered
        PurchaseOrderSnapshot earlier = Po4821.EARLIER;
        ledger.recordSending(earlier, document(ErpAction.CREATE), 1);

        // when the PO's next snapshot is exported
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 2, false);

        // then nothing goes to the ERP or Coupa: the earlier snapshot is resent first
        assertThat(result).isEqualTo(Result.FAILED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ERP_UNREACHABLE);
            assertThat(row.document()).isNull();
            assertThat(row.outcomeMessage()).contains("PO PO-4821 was not sent", earlier.idempotencyKey(),
                    "is still unknown");
        });
        assertThat(database.row(earlier).outcome()).isEqualTo(LedgerOutcome.SENDING);
    }

    @Test
    void updateWhoseContentTheErpAlreadyHoldsIsOnlyMarked() {
        // given a snapshot the ERP accepted, and Coupa refused to mark
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(READ.idempotencyKey(), 201, "ERP-77");
        ledger.recordMark(READ.idempotencyKey(), CoupaMark.REFUSED, "Coupa refused");

        // when Coupa offers the PO again, edited in nothing the ERP document carries
        Result result = protocol(MarkExported.AFTER_ERP).export(EDITED, document(ErpAction.UPDATE), 2, false);

        // then the same content is not applied again; the new snapshot is marked as held by the ERP
        assertThat(result).isEqualTo(Result.SKIPPED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).containsExactly("mark exported 4821");
        assertThat(database.row(EDITED)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ACCEPTED);
            assertThat(row.erpDocumentId()).isEqualTo("ERP-77");
            assertThat(row.outcomeMessage()).contains("the ERP already holds this content", READ.idempotencyKey());
            assertThat(row.coupaMark()).isEqualTo(CoupaMark.MARKED);
        });
    }

    @Test
    void replaySendsEvenContentTheErpAlreadyHolds() {
        // given a snapshot the ERP accepted and Coupa shows exported
        ledger.recordSending(READ, document(ErpAction.CREATE), 1);
        ledger.recordAccepted(READ.idempotencyKey(), 201, "ERP-77");
        ledger.recordMark(READ.idempotencyKey(), CoupaMark.MARKED, null);

        // when an operator replays it
        PurchaseOrderSnapshot replayed = READ.replayedIn(7);
        Result result = protocol(MarkExported.AFTER_ERP).export(replayed, document(ErpAction.UPDATE), 7, true);

        // then it goes to the ERP under a key of its own, naming the ERP's document it changes
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(erp.deliveries()).extracting(ErpDelivery::idempotencyKey, ErpDelivery::erpDocumentId)
            .containsExactly(tuple(READ.idempotencyKey() + "-replay-7", "ERP-77"));
        assertThat(database.row(replayed)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark)
            .containsExactly(LedgerOutcome.ACCEPTED, CoupaMark.MARKED);
    }

    @Test
    void poTheErpRejectsIsRecordedWithTheReasonAndLeftUnexported() {
        // given an ERP that refuses the document
        erp.answering(new ErpAnswer.Rejected(422, "supplier SUP-0077 is blocked"));

        // when the PO is exported
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then the ERP's reason is recorded and Coupa, not marked, offers the PO again next run
        assertThat(result).isEqualTo(Result.REJECTED);
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::outcomeMessage, LedgerEntry::coupaMark)
            .containsExactly(LedgerOutcome.REJECTED, "PO PO-4821 was rejected by the ERP (HTTP 422): supplier SUP-0077 "
                    + "is blocked", null);
    }

    @Test
    void poTheErpNeverAnsweredIsUnansweredAndKeepsItsDocumentToResend() {
        // given an ERP that did not answer, retries included
        erp.answering(new ErpAnswer.Unreachable("read timed out"));

        // when the PO is exported
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then it counts towards an outage, and the document is kept to resend under the same key
        assertThat(result).isEqualTo(Result.UNANSWERED);
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ERP_UNREACHABLE);
            assertThat(row.outcomeMessage()).contains("could not be sent", "read timed out");
            assertThat(row.outcomeUnknown()).isTrue();
        });
    }

    @Test
    void erpRefusingTheCredentialsStopsTheRunAndLeavesTheSnapshotToResend() {
        // given an ERP that refuses the job's credentials
        erp.answering(new ErpAnswer.Refused(401, "POST https://erp/api/purchase-orders answered 401"));

        // when the PO is exported, the run stops on a setup problem
        assertThatThrownBy(() -> protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false))
            .isInstanceOf(ErpSetupException.class)
            .hasMessage("POST https://erp/api/purchase-orders answered 401");

        // then nothing was applied: the row stays SENDING, to be resent once the setup is fixed
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.SENDING);
    }

    @Test
    void erpRefusingTheCredentialsAfterTheMarkPutsThePoBackToNotExported() {
        // given an ERP that refuses the job's credentials, in before-erp mode
        erp.answering(new ErpAnswer.Refused(403, "POST https://erp/api/purchase-orders answered 403"));

        // when the PO, marked first, is sent
        assertThatThrownBy(() -> protocol(MarkExported.BEFORE_ERP).export(READ, document(ErpAction.CREATE), 1, false))
            .isInstanceOf(ErpSetupException.class);

        // then no PO is left exported and never sent
        assertThat(coupa.calls()).containsExactly("mark exported 4821", "mark not exported 4821");
        assertThat(coupa.exported(PO)).isFalse();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark)
            .containsExactly(LedgerOutcome.SENDING, null);
    }

    @Test
    void markCoupaRefusesBeforeTheErpKeepsThePoFromTheErp() {
        // given Coupa's validation refuses to mark the PO exported
        coupa.refusesToMark(PO);

        // when it is exported in before-erp mode
        Result result = protocol(MarkExported.BEFORE_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then the ERP never sees it, and the ledger says why
        assertThat(result).isEqualTo(Result.FAILED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.COUPA_REFUSED);
            assertThat(row.outcomeMessage()).startsWith("PO PO-4821 was not sent to the ERP: Coupa refused to mark PO "
                    + "PO-4821 exported").contains("supplier is inactive");
            assertThat(row.coupaMark()).isEqualTo(CoupaMark.REFUSED);
        });
    }

    @Test
    void poThatMovedOnAtTheMarkBeforeTheErpIsSupersededAndNotSent() {
        // given a buyer issued version 3 after version 2 was read
        coupa.holds(PO, 3, "issued");

        Result result = protocol(MarkExported.BEFORE_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then version 2 is not sent, and version 3 is left unexported to come next
        assertThat(result).isEqualTo(Result.SKIPPED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).containsExactly("mark exported 4821", "mark not exported 4821");
        assertThat(coupa.exported(PO)).isFalse();
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::coupaMark)
            .containsExactly(LedgerOutcome.SUPERSEDED, CoupaMark.UNMARKED);
    }

    @Test
    void poThatMovedOnAtTheMarkAfterTheErpIsPutBackToNotExported() {
        // given a buyer issued version 3 while version 2 was with the ERP
        coupa.holds(PO, 3, "issued");

        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then version 2 stays in the ERP, and the PO is left unexported so that version 3 comes next
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(erp.deliveredKeys()).containsExactly(READ.idempotencyKey());
        assertThat(coupa.calls()).containsExactly("mark exported 4821", "mark not exported 4821");
        assertThat(coupa.exported(PO)).isFalse();
        assertThat(database.row(READ)).satisfies(row -> {
            assertThat(row.outcome()).isEqualTo(LedgerOutcome.ACCEPTED);
            assertThat(row.coupaMark()).isEqualTo(CoupaMark.UNMARKED);
            assertThat(row.coupaMarkMessage()).contains("moved from version 2 (issued) to version 3 (issued)",
                    "put back to not exported");
        });
    }

    @Test
    void markAnswerWithoutVersionIsCheckedByReadingThePo() {
        // given Coupa's answer to the mark names neither version nor status
        coupa.answersUnreadably(PO);

        // when the PO is exported
        Result result = protocol(MarkExported.AFTER_ERP).export(READ, document(ErpAction.CREATE), 1, false);

        // then the PO is read to tell whether it moved on
        assertThat(result).isEqualTo(Result.EXPORTED);
        assertThat(coupa.calls()).containsExactly("mark exported 4821", "read state 4821");
        assertThat(database.row(READ).coupaMark()).isEqualTo(CoupaMark.MARKED);
    }

    @Test
    void invalidPoIsRecordedWithItsProblemsAndNeverSent() {
        // given a PO the mapping could not turn into a document
        InvalidPurchaseOrder invalid = new InvalidPurchaseOrder(READ, List.of("supplier 'Globex' has no supplier number"));

        // when it is recorded
        Result result = protocol(MarkExported.AFTER_ERP).recordInvalid(invalid, 1);

        // then it fails with its problems, and neither the ERP nor Coupa hears of it
        assertThat(result).isEqualTo(Result.FAILED);
        assertThat(erp.deliveries()).isEmpty();
        assertThat(coupa.calls()).isEmpty();
        assertThat(database.row(READ).outcomeMessage()).isEqualTo(invalid.reason());
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.INVALID);
    }

    private ExportProtocol protocol(MarkExported markExported) {
        return new ExportProtocol(erp, coupa, ledger, markExported);
    }
}
