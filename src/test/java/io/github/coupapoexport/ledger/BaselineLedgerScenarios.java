package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.JobRepositoryDatabase;
import io.github.coupapoexport.mapping.ErpAction;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The ledger's SQL for {@code baseline}, and how every query that reasons about outcomes takes a baselined PO: held by
 * the ERP (its next version an UPDATE against the lines kept), never failing, unfinished or to be reported. On a
 * database migrated by the application's own scripts, one per test class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BaselineLedgerScenarios {

    private static final long BASELINE = 7;

    private JobRepositoryDatabase database;

    private SingleConnectionDataSource dataSource;

    private JdbcTemplate jdbc;

    private ExportLedger ledger;

    private Baselines baselines;

    private ReportQueue reports;

    private FailingPurchaseOrders failing;

    abstract JobRepositoryDatabase database();

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
        baselines = new Baselines(jdbc, transactions, clock);
        reports = new ReportQueue(jdbc, transactions, clock);
        failing = new FailingPurchaseOrders(jdbc);
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
    void baselinedPoIsHeldByTheErpSoItsNextVersionIsAnUpdateAgainstTheLinesKept() {
        // when
        PurchaseOrderSnapshot v1 = snapshot(1, 1);
        baselines.recordBaselining(v1, List.of(line(101), line(102)), "baselined", BASELINE);
        baselines.recordMarked(v1.idempotencyKey());

        // then
        assertThat(ledger.lastAccepted(1)).hasValueSatisfying(previous -> assertThat(previous.lines())
            .extracting(Line::coupaLineId, Line::description).containsExactly(
                    tuple(101L, "Bolts"), tuple(102L, "Bolts")));
        assertThat(ledger.erpHolds(1)).isTrue();
        assertThat(ledger.lastAcceptedEntry(1)).hasValueSatisfying(entry -> {
            assertThat(entry.outcome()).isEqualTo(LedgerOutcome.BASELINED);
            assertThat(entry.document()).as("nothing was sent").isNull();
            assertThat(entry.erpDocumentId()).isNull();
            assertThat(entry.coupaMark()).isEqualTo(CoupaMark.MARKED);
        });
        assertThat(ledger.find(v1.idempotencyKey())).hasValueSatisfying(entry -> assertThat(entry.erpHolds()).isTrue());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE " + ExportLedger.ERP_HOLDS,
                Integer.class)).isEqualTo(1);
    }

    @Test
    void baselinedPoIsNeitherFailingNorUnfinishedNorToBeReported() {
        // given a PO baselined, and another whose baseline was recorded but not yet marked
        PurchaseOrderSnapshot marked = snapshot(1, 1);
        baselines.recordBaselining(marked, List.of(line(101)), "baselined", BASELINE);
        baselines.recordMarked(marked.idempotencyKey());
        baselines.recordBaselining(snapshot(2, 1), List.of(line(201)), "baselined", BASELINE);

        // then
        assertThat(ledger.stillFailing(List.of(BASELINE))).isZero();
        assertThat(ledger.unfinished()).isEmpty();
        assertThat(reports.unreported(10, 99)).isEmpty();
        assertThat(failing.list()).isEmpty();
        assertThat(baselines.unmarked()).extracting(LedgerEntry::coupaId).containsExactly(2L);
        assertThat(baselines.tally(List.of(BASELINE))).isEqualTo(new Baselines.Tally(1, 0, 0, 1));
    }

    @Test
    void baselineTakesOnlyPosTheLedgerDoesNotKnowOrKnowsAsThisVeryBaselinedSnapshot() {
        // given PO 1 sent by the export, PO 2 found invalid, PO 3 baselined at version 1
        PurchaseOrderSnapshot sent = snapshot(1, 1);
        ledger.recordSending(sent, document(sent), 1);
        PurchaseOrderSnapshot invalid = snapshot(2, 1);
        ledger.recordInvalid(invalid, "no supplier number", 1);
        PurchaseOrderSnapshot baselined = snapshot(3, 1);
        baselines.recordBaselining(baselined, List.of(line(301)), "baselined", BASELINE);

        // then
        assertThat(baselines.takes(1, sent.idempotencyKey())).isFalse();
        assertThat(baselines.takes(2, invalid.idempotencyKey())).isFalse();
        assertThat(baselines.takes(3, baselined.idempotencyKey())).as("the same intent, again").isTrue();
        assertThat(baselines.takes(3, snapshot(3, 2).idempotencyKey())).as("a later version").isFalse();
        assertThat(baselines.takes(4, snapshot(4, 1).idempotencyKey())).isTrue();
        assertThat(baselines.leavesToExport(1)).isTrue();
        assertThat(baselines.leavesToExport(3)).isFalse();
        assertThat(baselines.leavesToExport(4)).isFalse();

        // and once PO 3 is marked, a dry run leaves it (a new version of it is the export's)
        baselines.recordMarked(baselined.idempotencyKey());
        assertThat(baselines.leavesToExport(3)).isTrue();
    }

    @Test
    void poChangedMeanwhileStaysHeldByTheErpIsPutBackAndIsNamed() {
        // when
        PurchaseOrderSnapshot v1 = snapshot(1, 1);
        baselines.recordBaselining(v1, List.of(line(101)), "baselined", BASELINE);
        baselines.recordChangedMeanwhile(v1.idempotencyKey(), "PO PO-1 moved from version 1 to version 2");

        // then the ERP still holds what was keyed in by hand: the next version is an UPDATE against these lines
        assertThat(ledger.lastAccepted(1)).isPresent();
        assertThat(ledger.erpHolds(1)).isTrue();
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow().outcome()).isEqualTo(LedgerOutcome.BASELINED);
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow().coupaMark()).isEqualTo(CoupaMark.UNMARKED);
        assertThat(baselines.unmarked()).isEmpty();
        assertThat(baselines.tally(List.of(BASELINE))).isEqualTo(new Baselines.Tally(0, 1, 0, 0));
        assertThat(baselines.notBaselined(List.of(BASELINE))).containsExactly("PO PO-1 moved from version 1 to version 2");
        assertThat(reports.unreported(10, 99)).isEmpty();
    }

    @Test
    void markCoupaRefusedLeavesThePoBaselinedAndFailingUntilMarked() {
        // when
        PurchaseOrderSnapshot v1 = snapshot(1, 1);
        baselines.recordBaselining(v1, List.of(line(101)), "baselined", BASELINE);
        baselines.recordMarkRefused(v1.idempotencyKey(), "Coupa refused to mark PO PO-1 exported");

        // then
        assertThat(ledger.erpHolds(1)).isTrue();
        assertThat(baselines.tally(List.of(BASELINE)).refused()).isEqualTo(1);
        assertThat(ledger.stillFailing(List.of(BASELINE))).isEqualTo(1);
        assertThat(failing.list()).singleElement().satisfies(po -> {
            assertThat(po.failureClass()).isEqualTo(FailingPurchaseOrders.FailureClass.COUPA_REFUSED);
            assertThat(po.lastReason()).isEqualTo("Coupa refused to mark PO PO-1 exported");
        });
    }

    @Test
    void changedPoCoupaWouldNotPutBackIsACoupaRefusalToReportAndRetry() {
        // when
        PurchaseOrderSnapshot v1 = snapshot(1, 1);
        baselines.recordBaselining(v1, List.of(line(101)), "baselined", BASELINE);
        baselines.recordPutBackRefused(v1.idempotencyKey(), "moved; Coupa refused to put it back");

        // then the ERP still holds what was keyed in by hand, so retry sends the new version as an UPDATE, never a
        // second CREATE; it is a Coupa refusal to list and to report
        assertThat(ledger.erpHolds(1)).isTrue();
        assertThat(ledger.lastAccepted(1)).isPresent();
        assertThat(ledger.find(v1.idempotencyKey()).orElseThrow().outcome()).isEqualTo(LedgerOutcome.BASELINED);
        assertThat(failing.list()).extracting(FailingPurchaseOrders.FailingPurchaseOrder::failureClass,
                FailingPurchaseOrders.FailingPurchaseOrder::lastReason)
            .containsExactly(tuple(FailingPurchaseOrders.FailureClass.COUPA_REFUSED,
                    "moved; Coupa refused to put it back"));
        assertThat(reports.unreported(10, 99)).extracting(UnreportedOutcome::idempotencyKey,
                UnreportedOutcome::responseCode, UnreportedOutcome::responseMessage)
            .containsExactly(tuple(v1.idempotencyKey(), "Error-COUPA-REFUSED-MARK",
                    "moved; Coupa refused to put it back"));
        assertThat(baselines.tally(List.of(BASELINE))).isEqualTo(new Baselines.Tally(0, 0, 1, 0));
    }

    @Test
    void exportAcceptingALaterVersionOfABaselinedPoBecomesWhatTheErpHolds() {
        // given PO 1 baselined at version 1, then version 2 sent by the export and accepted
        baselines.recordBaselining(snapshot(1, 1), List.of(line(101)), "baselined", BASELINE);
        PurchaseOrderSnapshot v2 = snapshot(1, 2);
        ledger.recordSending(v2, document(v2), 20);
        ledger.recordAccepted(v2.idempotencyKey(), 201, "ERP-1");

        // then
        assertThat(ledger.lastAcceptedEntry(1)).hasValueSatisfying(entry -> assertThat(entry.idempotencyKey())
            .isEqualTo(v2.idempotencyKey()));
        assertThat(ledger.lastAccepted(1).orElseThrow().lines()).extracting(Line::coupaLineId).containsExactly(109L);
    }

    private static PurchaseOrderSnapshot snapshot(long coupaId, int version) {
        String updatedAt = "2025-11-2" + version + "T09:20:11-08:00";
        return new PurchaseOrderSnapshot(coupaId, "PO-" + coupaId, version, OffsetDateTime.parse(updatedAt), "issued",
                PurchaseOrderSnapshot.idempotencyKey(coupaId, version, updatedAt));
    }

    private static ErpPurchaseOrder document(PurchaseOrderSnapshot snapshot) {
        return new ErpPurchaseOrder("coupa", snapshot.coupaId(), snapshot.poNumber(), snapshot.version(),
                snapshot.version() == 1 ? ErpAction.CREATE : ErpAction.UPDATE, snapshot.status(), "USD", "10.00", null,
                "Net 45", null, "jdoe", List.of(line(109)));
    }

    private static Line line(long coupaLineId) {
        return new Line(String.valueOf(coupaLineId % 100), coupaLineId, "quantity", "Bolts", "1", "EA", "10.00",
                "10.00", LocalDate.of(2026, 12, 1), "6100", "Hardware", false);
    }
}
