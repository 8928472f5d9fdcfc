package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.JobRepositoryDatabase;
import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import io.github.coupapoexport.ledger.ReconciliationSummary.Fix;
import io.github.coupapoexport.ledger.ReconciliationSummary.Kind;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static io.github.coupapoexport.ledger.LedgerSnapshots.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What the ledger tells {@code reconcile}, and the record of the last reconciliation, on a database migrated by the
 * application's own scripts. One database per test.
 */
abstract class ReconciliationsScenarios {

    /** The ticking clock's first reading is a minute after this. */
    private static final OffsetDateTime START = OffsetDateTime.parse("2026-11-24T10:00:00Z");

    private JobRepositoryDatabase database;

    private SingleConnectionDataSource dataSource;

    private ExportLedger ledger;

    private LedgerSnapshots sent;

    private Reconciliations reconciliations;

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
        reconciliations = new Reconciliations(jdbc, new DataSourceTransactionManager(dataSource), clock);
    }

    @AfterEach
    void drop() {
        dataSource.destroy();
        database.close();
    }

    @Test
    void lastAcceptanceOfEachPoIsItsLatestAcceptedSnapshotWhateverFailedAfterIt() {
        // given PO 1 accepted at versions 1 and 2, then version 3 rejected; PO 2 only rejected; PO 3 accepted
        sent.accept(sent.send(1, 1));
        sent.accept(sent.send(1, 2));
        ledger.recordFailure(sent.send(1, 3).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        ledger.recordFailure(sent.send(2, 1).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        sent.accept(sent.send(3, 1));

        // when
        Map<Long, Acceptance> acceptances = reconciliations.lastAcceptances(List.of(1L, 2L, 3L, 4L));

        // then
        assertThat(acceptances).containsOnlyKeys(1L, 3L);
        assertThat(acceptances.get(1L)).satisfies(acceptance -> {
            assertThat(acceptance.version()).isEqualTo(2);
            assertThat(acceptance.poNumber()).isEqualTo("PO-1");
            assertThat(acceptance.byErp()).isTrue();
            assertThat(acceptance.erpDocumentId()).isEqualTo("ERP-1");
        });
        assertThat(reconciliations.lastAcceptances(List.of())).isEmpty();
    }

    @Test
    void acceptedSinceListsThePosWhoseLatestSnapshotTheErpAcceptedAfterTheTime() {
        // given PO 1 accepted early; PO 2 and PO 3 accepted later, PO 3's next version then rejected
        sent.accept(sent.send(1, 1));
        OffsetDateTime since = START.plusMinutes(2);
        sent.accept(sent.send(2, 1));
        sent.accept(sent.send(3, 1));
        ledger.recordFailure(sent.send(3, 2).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");

        // when
        List<Acceptance> accepted = reconciliations.acceptedSince(since);

        // then
        assertThat(accepted).extracting(Acceptance::coupaId, Acceptance::version).containsExactly(tuple(2L, 1));
    }

    @Test
    void theLedgerKnowsWhichPosTheJobHandledAndWhenItFirstHandledOne() {
        // given an empty ledger, then PO 1 accepted and PO 2 rejected
        assertThat(reconciliations.firstAttempt()).isEmpty();
        sent.accept(sent.send(1, 1));
        ledger.recordFailure(sent.send(2, 1).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");

        // when / then
        assertThat(reconciliations.known(List.of(1L, 2L, 3L))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(reconciliations.firstAttempt()).hasValueSatisfying(first -> assertThat(first)
            .isAfter(START).isBefore(START.plusMinutes(10)));
    }

    @Test
    void posStillOnTheirWayToTheErpAreUnsettled() {
        // given PO 1 queued for the ERP's import; PO 2 sent without an answer after an acceptance; PO 3 accepted;
        // PO 4 unanswered, then its next snapshot rejected; PO 5 held back without being sent
        PurchaseOrderSnapshot queued = sent.send(1, 1);
        ledger.recordQueued(queued.idempotencyKey(), "HDR-1");
        sent.accept(sent.send(2, 1));
        ledger.recordFailure(sent.send(2, 2).idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "503 after retries");
        sent.accept(sent.send(3, 1));
        ledger.recordFailure(sent.send(4, 1).idempotencyKey(), LedgerOutcome.ERP_UNREACHABLE, null, "503 after retries");
        ledger.recordFailure(sent.send(4, 2).idempotencyKey(), LedgerOutcome.REJECTED, 422, "unknown supplier");
        ledger.recordNotSent(snapshot(5, 1), "an earlier snapshot's outcome is unknown", 10);

        // then
        assertThat(reconciliations.unsettled(List.of(1L, 2L, 3L, 4L, 5L))).containsExactlyInAnyOrder(1L, 2L);
        assertThat(reconciliations.unsettled(List.of())).isEmpty();
    }

    @Test
    void latestReconciliationComesBackWithItsDifferencesAndCounts() {
        // given one reconciliation without differences, then one with --fix and three
        String first = reconciliations.begin(START, false, false);
        reconciliations.finish(first, 4, 1);
        String second = reconciliations.begin(START.minusDays(30), true, true);
        reconciliations.recordDifference(second, new Difference(7, "PO-7", Kind.NOT_IN_ERP, 2, "issued", null, "none",
                Fix.UNMARKED, null));
        reconciliations.recordDifference(second, new Difference(5, "PO-5", Kind.NOT_EXPORTED, 1, "issued", 1,
                "version 1", Fix.NEXT_RUN, null));
        reconciliations.recordDifference(second, new Difference(6, "PO-6", Kind.NEWER_IN_COUPA, 3, "issued", 2,
                "version 2", Fix.REFUSED, "Coupa answered 422"));
        reconciliations.finish(second, 12, 3);
        // and one that died before it finished
        reconciliations.begin(START, true, false);

        // when
        ReconciliationSummary latest = reconciliations.latest().orElseThrow();

        // then
        assertThat(latest.id()).isEqualTo(second);
        assertThat(latest.since()).isEqualTo(START.minusDays(30));
        assertThat(latest.erpRead()).isTrue();
        assertThat(latest.fix()).isTrue();
        assertThat(latest.exportedInCoupa()).isEqualTo(12);
        assertThat(latest.coupaCalls()).isEqualTo(3);
        assertThat(latest.finishedAt()).isAfter(latest.startedAt());
        assertThat(latest.count(Kind.NOT_IN_ERP)).isEqualTo(1);
        assertThat(latest.differences()).extracting(Difference::poNumber, Difference::kind, Difference::fix,
                Difference::fixMessage).containsExactly(tuple("PO-5", Kind.NOT_EXPORTED, Fix.NEXT_RUN, null),
                tuple("PO-6", Kind.NEWER_IN_COUPA, Fix.REFUSED, "Coupa answered 422"),
                tuple("PO-7", Kind.NOT_IN_ERP, Fix.UNMARKED, null));
        Integer counted = new JdbcTemplate(dataSource).queryForObject("SELECT NOT_IN_ERP + NOT_EXPORTED + NEWER_IN_COUPA "
                + "FROM RECONCILIATION WHERE RECONCILIATION_ID = ?", Integer.class, second);
        assertThat(counted).isEqualTo(3);
    }

    @Test
    void noReconciliationYetHasNoLatest() {
        assertThat(reconciliations.latest()).isEmpty();
    }

    @Test
    void aPoPutBackByFixAfterItsAcceptanceNoLongerCountsAsHeldUntilTheErpAcceptsItAgain() {
        // given PO 7 accepted, then put back by reconcile --fix; PO 8 put back before it was accepted again
        PurchaseOrderSnapshot seven = sent.accept(sent.send(7, 1));
        String reconciliation = reconciliations.begin(START, true, true);
        reconciliations.recordDifference(reconciliation, new Difference(7, "PO-7", Kind.NEWER_IN_COUPA, 1, "issued", 1,
                "none", Fix.UNMARKED, null));
        reconciliations.recordDifference(reconciliation, new Difference(8, "PO-8", Kind.NOT_IN_ERP, 1, "issued", null,
                "none", Fix.UNMARKED, null));
        PurchaseOrderSnapshot eight = sent.accept(sent.send(8, 1));

        // then
        assertThat(ledger.putBackByReconciliation(ledger.find(seven.idempotencyKey()).orElseThrow())).isTrue();
        assertThat(ledger.putBackByReconciliation(ledger.find(eight.idempotencyKey()).orElseThrow())).isFalse();
    }

    @Test
    void aPutBackRecordedBeforeCoupaRefusedItIsAmendedAndNoLongerCounts() {
        // given PO 9 accepted, its put-back recorded before the un-mark, which Coupa then refused
        PurchaseOrderSnapshot nine = sent.accept(sent.send(9, 1));
        String reconciliation = reconciliations.begin(START, true, true);
        Difference lost = new Difference(9, "PO-9", Kind.NOT_IN_ERP, 1, "issued", 1, "none", Fix.NONE, null);
        reconciliations.recordDifference(reconciliation, lost.fixed(Fix.UNMARKED, "put back"));

        // when
        reconciliations.amendDifference(reconciliation, lost.fixed(Fix.REFUSED, "Coupa refused to put it back: 422"));

        // then
        assertThat(ledger.putBackByReconciliation(ledger.find(nine.idempotencyKey()).orElseThrow())).isFalse();
        assertThat(reconciliations.finish(reconciliation, 1, 2).differences())
            .extracting(Difference::fix, Difference::fixMessage)
            .containsExactly(tuple(Fix.REFUSED, "Coupa refused to put it back: 422"));
    }
}
