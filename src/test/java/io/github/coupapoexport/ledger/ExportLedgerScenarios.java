package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.github.coupapoexport.JobRepositoryDatabase;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static io.github.coupapoexport.ledger.LedgerSnapshots.document;
import static io.github.coupapoexport.ledger.LedgerSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export ledger's SQL and the report queue's, on a database migrated by the application's own Flyway scripts
 * ({@code sql/{vendor}}), one database per test class. Each write happens a minute after the one before, so that every
 * "latest" and "oldest" is decided by the times the ledger wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ExportLedgerScenarios {

    private JobRepositoryDatabase database;

    private SingleConnectionDataSource dataSource;

    private JdbcTemplate jdbc;

    private ExportLedger ledger;

    private LedgerSnapshots sent;

    private ReportQueue reports;

    /** A fresh, empty database. */
    abstract JobRepositoryDatabase database();

    /** The folder of {@code sql/} that migrates it. */
    abstract String vendor();

    @BeforeAll
    void migrate() {
        database = database();
        dataSource = new SingleConnectionDataSource(database.url(), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
        Clock clock = new TickingClock();
        ledger = new ExportLedger(jdbc, transactions, clock);
        sent = new LedgerSnapshots(ledger);
        reports = new ReportQueue(jdbc, transactions, clock);
    }

    @BeforeEach
    void emptyLedger() {
        jdbc.update("DELETE FROM EXPORT_LEDGER");
    }

    @AfterAll
    void dropDatabase() {
        dataSource.destroy();
        database.close();
    }

    @Test
    void sendingIsRecordedAndAResendCountsAnAttemptOfTheSameRow() {
        // when
        PurchaseOrderSnapshot v1 = snapshot(1, 1);
        ErpPurchaseOrder document = document(v1, ErpAction.CREATE, line(101, false));
        ledger.recordSending(v1, document, 10);
        LedgerEntry first = ledger.find(v1.idempotencyKey()).orElseThrow();
        ledger.recordSending(v1, document, 11);

        // then
        assertThat(first.outcome()).isEqualTo(LedgerOutcome.SENDING);
        assertThat(first.outcomeUnknown()).isTrue();
        assertThat(first).extracting(LedgerEntry::coupaId, LedgerEntry::poNumber, LedgerEntry::poVersion,
                LedgerEntry::poStatus, LedgerEntry::attempts, LedgerEntry::jobExecutionId, LedgerEntry::coupaMark)
            .containsExactly(1L, "PO-1", 1, "issued", 1, 10L, null);
        assertThat(ErpDocumentJson.read(first.document())).isEqualTo(document);
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow()).satisfies(resent -> {
            assertThat(resent.attempts()).isEqualTo(2);
            assertThat(resent.jobExecutionId()).isEqualTo(11);
            assertThat(resent.firstAttemptAt()).isEqualTo(first.firstAttemptAt());
        });
        assertThat(ledger.find("coupa-2-1-never-sent")).isEmpty();
    }

    @Test
    void acceptedSnapshotKeepsTheErpsDocumentIdAndWhenItWasAccepted() {
        // given
        PurchaseOrderSnapshot v1 = send(1, 1, 10);

        // when
        ledger.recordAccepted(v1.idempotencyKey(), 201, "ERP-PO-77");

        // then
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow()).satisfies(entry -> {
            assertThat(entry.accepted()).isTrue();
            assertThat(entry.erpDocumentId()).isEqualTo("ERP-PO-77");
            assertThat(entry.acceptedAt()).isAfter(entry.firstAttemptAt());
            assertThat(entry.outcomeUnknown()).isFalse();
        });
    }

    @Test
    void lastAcceptedIsTheOneTheErpAcceptedLatestWithItsLiveLines() {
        // given version 2 accepted first, then version 1 (a resend of an unknown outcome), then version 3 rejected
        PurchaseOrderSnapshot v1 = send(1, 1, 10);
        PurchaseOrderSnapshot v2 = snapshot(1, 2);
        ledger.recordSending(v2, document(v2, ErpAction.UPDATE, line(101, false), line(102, true)), 10);
        ledger.recordAccepted(v2.idempotencyKey(), 200, "ERP-1");
        ledger.recordAccepted(v1.idempotencyKey(), 201, "ERP-1");
        PurchaseOrderSnapshot v3 = send(1, 3, 10);
        ledger.recordFailure(v3.idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");

        // when / then
        assertThat(ledger.lastAcceptedEntry(1)).get().extracting(LedgerEntry::idempotencyKey)
            .isEqualTo(v1.idempotencyKey());
        assertThat(ledger.lastAccepted(1)).get().satisfies(previous -> assertThat(previous.lines())
            .extracting(Line::coupaLineId).containsExactly(101L));
        assertThat(ledger.lastAccepted(2)).isEmpty();
    }

    @Test
    void unknownOutcomeBeforeIsTheOldestEarlierSnapshotSentWithoutAKnownOutcome() {
        // given for PO 1: v1 unanswered, v2 still sending, v3 held back unsent, and v4 to be sent; PO 2 unanswered
        PurchaseOrderSnapshot v1 = send(1, 1, 10);
        ledger.recordFailure(v1.idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "timeout");
        PurchaseOrderSnapshot v2 = send(1, 2, 10);
        ledger.recordNotSent(snapshot(1, 3), "not sent: the outcome of v2 is still unknown", 10);
        PurchaseOrderSnapshot v4 = send(1, 4, 11);
        send(2, 1, 10);

        // when / then
        assertThat(ledger.unknownOutcomeBefore(1, v4.idempotencyKey())).get()
            .extracting(LedgerEntry::idempotencyKey).isEqualTo(v1.idempotencyKey());
        ledger.recordAccepted(v1.idempotencyKey(), 201, "ERP-1");
        assertThat(ledger.unknownOutcomeBefore(1, v4.idempotencyKey())).get()
            .extracting(LedgerEntry::idempotencyKey).isEqualTo(v2.idempotencyKey());
        assertThat(ledger.unknownOutcomeBefore(1, v2.idempotencyKey())).get()
            .extracting(LedgerEntry::idempotencyKey).isEqualTo(v4.idempotencyKey());
        ledger.recordAccepted(v2.idempotencyKey(), 200, "ERP-1");
        assertThat(ledger.unknownOutcomeBefore(1, v4.idempotencyKey())).isEmpty();
    }

    @Test
    void unfinishedAreSnapshotsSentWithoutAnOutcomeAndAcceptedOnesNotMarkedByPoOldestFirst() {
        // given
        PurchaseOrderSnapshot po2Sending = send(2, 1, 10);
        PurchaseOrderSnapshot po1Accepted = sent.accept(send(1, 1, 10));
        PurchaseOrderSnapshot po1Sending = send(1, 2, 10);
        PurchaseOrderSnapshot po3Unanswered = send(3, 1, 10);
        ledger.recordFailure(po3Unanswered.idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "timeout");
        ledger.recordNotSent(snapshot(3, 2), "not sent: still unknown", 10);
        ledger.recordMark(sent.accept(send(4, 1, 10)).idempotencyKey(), CoupaMark.MARKED, null);
        ledger.recordMark(sent.accept(send(5, 1, 10)).idempotencyKey(), CoupaMark.REFUSED, "422");
        ledger.recordFailure(send(6, 1, 10).idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");
        ledger.recordInvalid(snapshot(7, 1), "no supplier number", 10);

        // when / then
        assertThat(ledger.unfinished()).extracting(LedgerEntry::idempotencyKey).containsExactly(
                po1Accepted.idempotencyKey(), po1Sending.idempotencyKey(), po2Sending.idempotencyKey(),
                po3Unanswered.idempotencyKey());
    }

    @Test
    void laterSnapshotExistsOnceTheSamePoWasHandledAgain() {
        // given
        PurchaseOrderSnapshot v1 = send(1, 1, 10);
        send(2, 1, 10);
        LedgerEntry first = ledger.find(v1.idempotencyKey()).orElseThrow();
        assertThat(ledger.laterSnapshotExists(first)).isFalse();

        // when
        PurchaseOrderSnapshot v2 = send(1, 2, 10);

        // then
        assertThat(ledger.laterSnapshotExists(first)).isTrue();
        assertThat(ledger.laterSnapshotExists(ledger.find(v2.idempotencyKey()).orElseThrow())).isFalse();
    }

    @Test
    void stillFailingCountsThePosOfTheseExecutionsWhoseLatestSnapshotFailed() {
        // given failures of executions 10 and 11: rejected, invalid, unanswered, mark refused by Coupa, refused
        // before the ERP; PO 2 failed and went through later; PO 9 failed in another execution
        ledger.recordFailure(send(1, 1, 10).idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");
        ledger.recordFailure(send(2, 1, 10).idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");
        ledger.recordMark(sent.accept(send(2, 2, 11)).idempotencyKey(), CoupaMark.MARKED, null);
        ledger.recordInvalid(snapshot(3, 1), "no supplier number", 11);
        ledger.recordFailure(send(4, 1, 11).idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "timeout");
        ledger.recordMark(sent.accept(send(5, 1, 11)).idempotencyKey(), CoupaMark.REFUSED, "422");
        ledger.recordFailure(send(6, 1, 11).idempotencyKey(), LedgerOutcome.COUPA_REFUSED, null, "422");
        ledger.recordMark(sent.accept(send(7, 1, 11)).idempotencyKey(), CoupaMark.MARKED, null);
        send(8, 1, 11);
        ledger.recordFailure(send(9, 1, 12).idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");

        // when / then
        assertThat(ledger.stillFailing(List.of(10L, 11L))).isEqualTo(5);
        assertThat(ledger.stillFailing(List.of(12L))).isEqualTo(1);
        assertThat(ledger.stillFailing(List.of())).isZero();
    }

    @Test
    void markIsRecordedAndMakesTheOutcomeReportableAgain() {
        // given an accepted snapshot whose outcome Coupa was told
        PurchaseOrderSnapshot v1 = sent.accept(send(1, 1, 10));
        ledger.recordMark(v1.idempotencyKey(), CoupaMark.MARKED, null);
        reports.recordReported(List.of(v1.idempotencyKey()));
        assertThat(reports.unreported(10, 10)).isEmpty();

        // when the PO moved on in Coupa and was put back
        ledger.recordMark(v1.idempotencyKey(), CoupaMark.UNMARKED, "version 2 in Coupa");

        // then
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow()).extracting(LedgerEntry::coupaMark,
                LedgerEntry::coupaMarkMessage).containsExactly(CoupaMark.UNMARKED, "version 2 in Coupa");
        assertThat(reports.unreported(10, 10)).singleElement().extracting(UnreportedOutcome::coupaMark)
            .isEqualTo(CoupaMark.UNMARKED);
    }

    @Test
    void unreportedAreFinalOutcomesByPoOldestFirstUntilReported() {
        // given
        PurchaseOrderSnapshot marked = sent.accept(send(2, 1, 10));
        ledger.recordMark(marked.idempotencyKey(), CoupaMark.MARKED, null);
        PurchaseOrderSnapshot rejected = send(1, 1, 10);
        ledger.recordFailure(rejected.idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");
        PurchaseOrderSnapshot invalid = snapshot(1, 2);
        ledger.recordInvalid(invalid, "no supplier number", 10);
        sent.accept(send(3, 1, 10));
        send(4, 1, 10);
        PurchaseOrderSnapshot superseded = send(5, 1, 10);
        ledger.recordSuperseded(superseded.idempotencyKey(), "version 2 in Coupa");

        // when / then
        assertThat(reports.unreported(10, 10)).extracting(UnreportedOutcome::idempotencyKey).containsExactly(
                rejected.idempotencyKey(), invalid.idempotencyKey(), marked.idempotencyKey());
        assertThat(reports.unreported(2, 10)).hasSize(2);
        reports.recordReported(List.of(rejected.idempotencyKey(), marked.idempotencyKey()));
        assertThat(reports.unreported(10, 10)).extracting(UnreportedOutcome::idempotencyKey)
            .containsExactly(invalid.idempotencyKey());
    }

    @Test
    void reportCoupaRefusedIsTriedOncePerExecutionAndGivenUpAfterMaxRefusals() {
        // given
        PurchaseOrderSnapshot rejected = send(1, 1, 10);
        ledger.recordFailure(rejected.idempotencyKey(), LedgerOutcome.REJECTED, 422, "refused");
        List<String> keys = List.of(rejected.idempotencyKey());

        // when / then
        for (long execution = 20; execution < 20 + ReportQueue.MAX_REFUSALS - 1; execution++) {
            assertThat(reports.unreported(10, execution)).hasSize(1);
            assertThat(reports.recordRefused(keys, "422 document-id is invalid", execution)).isFalse();
            assertThat(reports.unreported(10, execution)).as("again in execution %d", execution).isEmpty();
            assertThat(reports.unreported(10, execution + 1)).hasSize(1);
        }
        assertThat(reports.recordRefused(keys, "422 document-id is invalid", 99)).isTrue();
        assertThat(reports.unreported(10, 100)).isEmpty();
    }

    /** Version {@code version} of PO {@code coupaId}, as being sent by this execution. */
    private PurchaseOrderSnapshot send(long coupaId, int version, long jobExecutionId) {
        PurchaseOrderSnapshot snapshot = snapshot(coupaId, version);
        ledger.recordSending(snapshot, document(snapshot, version == 1 ? ErpAction.CREATE : ErpAction.UPDATE,
                line(coupaId * 100 + 1, false)), jobExecutionId);
        return snapshot;
    }

    private static Line line(long coupaLineId, boolean deleted) {
        return new Line(String.valueOf(coupaLineId % 100), coupaLineId, "quantity", "Bolts", "1", "EA", "10.00",
                "10.00", LocalDate.of(2026, 12, 1), "6100", "Hardware", deleted);
    }
}
