package io.github.coupapoexport.export;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.github.coupapoexport.ledger.ExportLedger;
import io.github.coupapoexport.ledger.LedgerEntry;
import io.github.coupapoexport.ledger.ReportQueue;
import io.github.coupapoexport.ledger.TickingClock;
import io.github.coupapoexport.ledger.UnreportedOutcome;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The real export ledger on an in-memory H2 database of its own, migrated with the application's scripts. */
final class LedgerOnH2 implements AutoCloseable {

    private final JdbcTemplate jdbc;

    private final ExportLedger ledger;

    private final ReportQueue reports;

    LedgerOnH2() {
        // Kept until closed: every call of a DriverManagerDataSource opens a connection of its own.
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:ledger-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("filesystem:sql/h2").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.ledger = new ExportLedger(jdbc, new DataSourceTransactionManager(dataSource), new TickingClock());
        this.reports = new ReportQueue(jdbc, new DataSourceTransactionManager(dataSource), new TickingClock());
    }

    /** What Coupa's monitoring is still to hear of. */
    List<UnreportedOutcome> unreported() {
        return reports.unreported(100, 0);
    }

    ExportLedger ledger() {
        return ledger;
    }

    /** Puts another text in the snapshot's DOCUMENT column, as an older version of the job may have kept. */
    void rewriteDocument(PurchaseOrderSnapshot snapshot, String document) {
        jdbc.update("UPDATE EXPORT_LEDGER SET DOCUMENT = ? WHERE IDEMPOTENCY_KEY = ?", document,
                snapshot.idempotencyKey());
    }

    /** The ledger's row of a snapshot, which must exist. */
    LedgerEntry row(PurchaseOrderSnapshot snapshot) {
        return ledger.find(snapshot.idempotencyKey()).orElseThrow();
    }

    /**
     * {@code reconcile --fix} put the PO back to not exported, just after the ERP's last acceptance of it, having found
     * that the ERP does not hold it as the ledger says.
     */
    void putBackByReconciliation(long coupaId) {
        OffsetDateTime accepted = jdbc.queryForObject("SELECT MAX(ACCEPTED_AT) FROM EXPORT_LEDGER WHERE COUPA_ID = ?",
                OffsetDateTime.class, coupaId);
        jdbc.update("INSERT INTO RECONCILIATION_DIFFERENCE (RECONCILIATION_ID, COUPA_ID, KIND, FIX, RECORDED_AT) "
                + "VALUES ('reconciliation-1', ?, 'NOT_IN_ERP', 'UNMARKED', ?)", coupaId, accepted.plusSeconds(1));
    }

    @Override
    public void close() {
        jdbc.execute("SHUTDOWN");
    }
}
