package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.util.List;

import io.github.coupapoexport.JobRepositoryDatabase;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static io.github.coupapoexport.ledger.LedgerSnapshots.bolts;
import static io.github.coupapoexport.ledger.LedgerSnapshots.document;
import static io.github.coupapoexport.ledger.LedgerSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The failure workbench's list, on a database migrated by the application's own scripts: the POs whose latest
 * snapshot failed, by class, with their attempts since the ERP last accepted them. One database per test.
 */
abstract class FailingPurchaseOrdersScenarios {

    private JobRepositoryDatabase database;

    private SingleConnectionDataSource dataSource;

    private ExportLedger ledger;

    private LedgerSnapshots sent;

    private ReportQueue reports;

    private FailingPurchaseOrders failing;

    abstract JobRepositoryDatabase database();

    abstract String vendor();

    @BeforeEach
    void migrate() {
        database = database();
        dataSource = new SingleConnectionDataSource(database.url(), true);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/" + vendor()).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Clock clock = new TickingClock();
        ledger = new ExportLedger(jdbc, new DataSourceTransactionManager(dataSource), clock);
        sent = new LedgerSnapshots(ledger);
        reports = new ReportQueue(jdbc, new DataSourceTransactionManager(dataSource), clock);
        failing = new FailingPurchaseOrders(jdbc);
    }

    @AfterEach
    void drop() {
        dataSource.destroy();
        database.close();
    }

    @Test
    void eachFailingPoIsListedOnceByClassWithItsAttemptsSinceTheErpLastAcceptedIt() {
        // given PO 1 accepted, then its version 2 rejected twice; PO 2 invalid; PO 3 unanswered; PO 4 accepted with a
        // mark Coupa refused; PO 5 queued with a verdict that could not be read; PO 6 rejected, then accepted
        sent.accept(sent.send(1, 1));
        PurchaseOrderSnapshot rejectedTwice = sent.send(1, 2);
        ledger.recordFailure(rejectedTwice.idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        ledger.recordSending(rejectedTwice, document(rejectedTwice, ErpAction.UPDATE,
                bolts(rejectedTwice.coupaId())), 11);
        ledger.recordFailure(rejectedTwice.idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier again");
        ledger.recordInvalid(snapshot(2, 1), "no supplier number", 10);
        ledger.recordFailure(sent.send(3, 1).idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "503 after retries");
        PurchaseOrderSnapshot refusedMark = sent.accept(sent.send(4, 1));
        ledger.recordMark(refusedMark.idempotencyKey(), CoupaMark.REFUSED, "Coupa refused the mark: 422");
        PurchaseOrderSnapshot queued = sent.send(5, 1);
        ledger.recordQueued(queued.idempotencyKey(), "HDR-5");
        ledger.recordVerdictProblem(queued.idempotencyKey(), "the ERP's verdict could not be read", 10);
        PurchaseOrderSnapshot fixed = sent.send(6, 1);
        ledger.recordFailure(fixed.idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        sent.accept(sent.send(6, 2));

        // when
        List<FailingPurchaseOrder> list = failing.list();

        // then
        assertThat(list).extracting(FailingPurchaseOrder::failureClass, FailingPurchaseOrder::poNumber,
                FailingPurchaseOrder::attempts, FailingPurchaseOrder::lastReason).containsExactly(
                tuple(FailureClass.PO_DATA, "PO-2", 1, "no supplier number"),
                tuple(FailureClass.ERP_REFUSED, "PO-1", 2, "unknown supplier again"),
                tuple(FailureClass.ERP_UNANSWERED, "PO-3", 1, "503 after retries"),
                tuple(FailureClass.ERP_UNANSWERED, "PO-5", 1, "the ERP's verdict could not be read"),
                tuple(FailureClass.COUPA_REFUSED, "PO-4", 1, "Coupa refused the mark: 422"));
        assertThat(list.get(1).firstAttempt()).isBefore(list.get(1).lastAttempt());
    }

    @Test
    void outcomeWhoseReportCoupaRefusedForGoodIsListed() {
        // given a PO accepted and marked, whose report Coupa refused three executions running
        PurchaseOrderSnapshot accepted = sent.accept(sent.send(7, 1));
        ledger.recordMark(accepted.idempotencyKey(), CoupaMark.MARKED, null);
        for (long execution = 20; execution < 20 + ReportQueue.MAX_REFUSALS; execution++) {
            reports.recordRefused(List.of(accepted.idempotencyKey()), "422 document-id is invalid", execution);
        }

        // then
        assertThat(failing.list()).singleElement().satisfies(po -> {
            assertThat(po.failureClass()).isEqualTo(FailureClass.COUPA_REFUSED);
            assertThat(po.lastReason()).isEqualTo("Coupa refused the report of its outcome: 422 document-id is invalid");
        });
    }

    @Test
    void rejectionOfTheLatestSnapshotStaysListedWhenAnOlderUnfinishedOneIsSupersededAfterIt() {
        // given version 1 left SENDING by a crash, version 2 rejected, and then version 1 found superseded by the next
        // run, which stamps its LAST_ATTEMPT_AT after version 2's
        PurchaseOrderSnapshot unfinished = sent.send(9, 1);
        ledger.recordFailure(sent.send(9, 2).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        ledger.recordSuperseded(unfinished.idempotencyKey(), "PO moved on in Coupa");

        // then version 2, the latest snapshot, is still not in the ERP
        assertThat(failing.list()).extracting(FailingPurchaseOrder::failureClass, FailingPurchaseOrder::poNumber,
                FailingPurchaseOrder::lastReason).containsExactly(tuple(FailureClass.ERP_REFUSED, "PO-9",
                "unknown supplier"));
    }

    @Test
    void ledgerWithoutFailuresListsNothing() {
        sent.accept(sent.send(8, 1));
        assertThat(failing.list()).isEmpty();
    }
}
