package io.github.coupapoexport.export;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.export.ExportProtocol.Result;
import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.LedgerOutcome;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.PurchaseOrderExport.InvalidPurchaseOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.export.Po4821.EARLIER;
import static io.github.coupapoexport.export.Po4821.ID;
import static io.github.coupapoexport.export.Po4821.READ;
import static io.github.coupapoexport.export.Po4821.document;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queued PO whose verdict does not come: overdue, unreadable, or its rows gone. It is neither sent again nor taken
 * as decided; it counts as failing until a verdict is read, and an operator can send it again on purpose.
 */
class QueuedVerdictProblemsTest {

    private static final Duration OVERDUE = Duration.ofDays(2);

    private final LedgerOnH2 database = new LedgerOnH2();

    private final ExportLedger ledger = database.ledger();

    private final ScriptedErp erp = new ScriptedErp();

    private final ScriptedCoupaMarks coupa = new ScriptedCoupaMarks().holds(ID, 2, "issued");

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void poStillWithoutAVerdictAfterTheOverduePeriodCountsAsFailingUntilTheErpDecides() {
        // given a PO queued, and an ERP whose import leaves it pending (EBS's IN PROCESS, say)
        erp.answering(new ErpAnswer.Queued("HDR-1", false)).deciding(new ErpAnswer.Queued("HDR-1", false),
                new ErpAnswer.Accepted(null, "PO-7001", false));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        LedgerEntry queued = database.row(READ);

        // when a run three days later reads the verdict
        List<Result> late = unfinished(queued.queuedAt().plusDays(3).toInstant()).finish(2);

        // then it is named and counts as failing, still queued
        assertThat(late).containsExactly(Result.UNANSWERED);
        assertThat(database.row(READ).verdictProblem()).contains("has waited for the ERP's verdict since",
                "longer than erp.verdict-overdue (PT48H)", "HDR-1");
        assertThat(ledger.stillFailing(List.of(2L))).isOne();

        // and when the ERP accepts it, it is exported and no longer failing
        List<Result> decided = unfinished(queued.queuedAt().plusDays(4).toInstant()).finish(3);
        assertThat(decided).containsExactly(Result.EXPORTED);
        assertThat(database.row(READ)).extracting(LedgerEntry::outcome, LedgerEntry::verdictProblem)
            .containsExactly(LedgerOutcome.ACCEPTED, null);
        assertThat(ledger.stillFailing(List.of(3L))).isZero();
    }

    @Test
    void verdictReadableAgainBeforeItIsOverdueIsNoLongerAProblem() {
        // given a PO whose verdict could not be read yesterday
        erp.answering(new ErpAnswer.Queued("HDR-1", false)).deciding(new ErpAnswer.Unreachable("connection refused"),
                new ErpAnswer.Queued("HDR-1", false));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        LedgerEntry queued = database.row(READ);
        unfinished(queued.queuedAt().plusHours(1).toInstant()).finish(2);

        // when today's run can read it, still pending
        List<Result> results = unfinished(queued.queuedAt().plusHours(20).toInstant()).finish(3);

        // then
        assertThat(results).isEmpty();
        assertThat(database.row(READ).verdictProblem()).isNull();
        assertThat(ledger.stillFailing(List.of(3L))).isZero();
    }

    @Test
    void poWhoseVerdictCannotBeReadIsSentAgainOnlyWhenAnOperatorAsksAndTheOldSnapshotIsThenSuperseded() {
        // given a PO whose rows are gone before its verdict was read
        erp.answering(new ErpAnswer.Queued("HDR-1", false), new ErpAnswer.Queued("HDR-2", false))
            .deciding(new ErpAnswer.Vanished("no staging row under key ..."),
                    new ErpAnswer.Vanished("no staging row under key ..."), new ErpAnswer.Queued("HDR-2", false));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        unfinished(database.row(READ).queuedAt().plusHours(1).toInstant()).finish(2);

        // when the job reads it again by itself, it is not sent
        assertThat(protocol().export(READ, document(ErpAction.CREATE), 2, false)).isEqualTo(Result.WAITING);
        assertThat(erp.deliveries()).hasSize(1);

        // when an operator, having checked that the ERP does not hold it, replays it (--po)
        Result replayed = protocol().export(READ.replayedIn(3), document(ErpAction.CREATE), 3, true);

        // then it is sent as a new snapshot, and the next run retires the old one
        assertThat(replayed).isEqualTo(Result.QUEUED);
        assertThat(erp.deliveries()).hasSize(2);
        unfinished(database.row(READ).queuedAt().plusHours(2).toInstant()).finish(4);
        assertThat(database.row(READ).outcome()).isEqualTo(LedgerOutcome.SUPERSEDED);
        assertThat(erp.verdictsAsked()).hasSize(3);
    }

    @Test
    void poWhoseRowsAreStillInTheErpsImportIsNotSentAgainEvenOnRequest() {
        // given a PO queued, overdue in the ERP's import, its rows still there
        erp.answering(new ErpAnswer.Queued("HDR-1", false)).deciding(new ErpAnswer.Queued("HDR-1", false),
                new ErpAnswer.Queued("HDR-1", false));
        protocol().export(READ, document(ErpAction.CREATE), 1, false);
        unfinished(database.row(READ).queuedAt().plusDays(3).toInstant()).finish(2);
        assertThat(database.row(READ).verdictProblem()).isNotNull();

        // when an operator replays it (--po)
        Result replayed = protocol().export(READ.replayedIn(3), document(ErpAction.CREATE), 3, true);

        // then it waits: sent now, the ERP's import could apply it beside the rows it still holds
        assertThat(replayed).isEqualTo(Result.WAITING);
        assertThat(erp.deliveries()).hasSize(1);
    }

    @Test
    void laterSnapshotFoundInvalidDoesNotRetireAQueuedSnapshotWhoseVerdictCouldNotBeRead() {
        // given a PO queued as a CREATE, whose verdict could not be read while the ERP's database was down, and the
        // buyer's next version, found invalid, recorded in the same run
        erp.answering(new ErpAnswer.Queued("HDR-1", false)).deciding(new ErpAnswer.Unreachable("connection refused"),
                new ErpAnswer.Accepted(null, "PO-7001", false));
        protocol().export(EARLIER, document(ErpAction.CREATE), 1, false);
        unfinished(database.row(EARLIER).queuedAt().plusHours(1).toInstant()).finish(2);
        protocol().recordInvalid(new InvalidPurchaseOrder(READ, List.of("supplier 'Globex' has no supplier number")),
                2);

        // when the next run finds the ERP's database back, the ERP having imported the PO meanwhile
        unfinished(database.row(EARLIER).queuedAt().plusHours(2).toInstant()).finish(3);

        // then its verdict is read and the PO known to the ERP, so that the buyer's fix goes as an UPDATE, never as a
        // second CREATE
        assertThat(erp.verdictsAsked()).hasSize(2);
        assertThat(database.row(EARLIER)).extracting(LedgerEntry::outcome, LedgerEntry::erpDocumentId)
            .containsExactly(LedgerOutcome.ACCEPTED, "PO-7001");
    }

    private ExportProtocol protocol() {
        return new ExportProtocol(erp, coupa, ledger, MarkExported.AFTER_ERP);
    }

    private UnfinishedSnapshots unfinished(Instant now) {
        return new UnfinishedSnapshots(erp, coupa, ledger, 3, () -> {
        }).withVerdictsOverdueAfter(OVERDUE, Clock.fixed(now, ZoneOffset.UTC));
    }
}
