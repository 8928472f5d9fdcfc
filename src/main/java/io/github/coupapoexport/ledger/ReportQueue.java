package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outcomes in the export ledger that Coupa's monitoring has not heard of yet. Kept in the ledger, not in memory,
 * so that what one run could not report the next one reports first.
 * <p>
 * A report Coupa refuses (its validation of one PO) is tried once per execution, never again in the same one, and
 * given up after {@link #MAX_REFUSALS} executions: a PO Coupa will not take a record for never holds the others up.
 */
public class ReportQueue {

    /** Executions in a row whose report of an outcome Coupa refused, before it is given up. */
    public static final int MAX_REFUSALS = 3;

    private final JdbcTemplate jdbc;

    private final LedgerWrites writes;

    public ReportQueue(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.writes = new LedgerWrites(jdbc, transactionManager, clock);
    }

    /**
     * Final outcomes to report, by PO and oldest first: an accepted snapshot once its mark has an outcome, every
     * failure; not those whose report Coupa already refused in this execution, and no baselined snapshot (the job sent
     * nothing: a record per PO of years of history would only flood Coupa's monitoring) but one a buyer changed while it
     * was marked and Coupa refused to put back, which someone must act on.
     */
    public List<UnreportedOutcome> unreported(int limit, long jobExecutionId) {
        return jdbc.query("SELECT IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, PO_STATUS, ACTION, OUTCOME, "
                + "OUTCOME_MESSAGE, ERP_STATUS, ERP_DOCUMENT_ID, COUPA_MARK, COUPA_MARK_MESSAGE FROM EXPORT_LEDGER "
                + "WHERE REPORTED_AT IS NULL AND OUTCOME NOT IN ('SENDING', 'SUPERSEDED', 'QUEUED') "
                + "AND (OUTCOME <> 'BASELINED' OR COUPA_MARK = 'REFUSED') "
                + "AND (OUTCOME <> 'ACCEPTED' OR COUPA_MARK IS NOT NULL) "
                + "AND (REPORT_EXECUTION_ID IS NULL OR REPORT_EXECUTION_ID <> ? OR REPORT_ATTEMPTS = 0) "
                + "ORDER BY COUPA_ID, LAST_ATTEMPT_AT FETCH FIRST " + limit + " ROWS ONLY",
                (rs, row) -> new UnreportedOutcome(rs.getString("IDEMPOTENCY_KEY"), rs.getLong("COUPA_ID"),
                        rs.getString("PO_NUMBER"), (Integer) rs.getObject("PO_VERSION"), rs.getString("PO_STATUS"),
                        rs.getString("ACTION"), LedgerOutcome.valueOf(rs.getString("OUTCOME")),
                        rs.getString("OUTCOME_MESSAGE"), (Integer) rs.getObject("ERP_STATUS"),
                        rs.getString("ERP_DOCUMENT_ID"),
                        rs.getString("COUPA_MARK") == null ? null : CoupaMark.valueOf(rs.getString("COUPA_MARK")),
                        rs.getString("COUPA_MARK_MESSAGE")),
                jobExecutionId);
    }

    public void recordReported(Collection<String> idempotencyKeys) {
        OffsetDateTime now = writes.now();
        writes.batchUpdate(
                "UPDATE EXPORT_LEDGER SET REPORTED_AT = ?, REPORT_FAILURE = NULL WHERE IDEMPOTENCY_KEY = ?",
                idempotencyKeys.stream().map(key -> new Object[] {now, key}).toList());
    }

    /**
     * Coupa refused the report of these outcomes: tried again by the next execution, given up after
     * {@link #MAX_REFUSALS}.
     *
     * @return true if this was the last try and the report is given up
     */
    public boolean recordRefused(Collection<String> idempotencyKeys, String refusal, long jobExecutionId) {
        OffsetDateTime now = writes.now();
        String failure = LedgerText.fit(refusal, LedgerText.MESSAGE);
        writes.batchUpdate("UPDATE EXPORT_LEDGER SET "
                + "REPORT_ATTEMPTS = REPORT_ATTEMPTS + 1, REPORT_FAILURE = ?, REPORT_EXECUTION_ID = ?, "
                + "REPORTED_AT = CASE WHEN REPORT_ATTEMPTS + 1 >= ? THEN ? ELSE NULL END WHERE IDEMPOTENCY_KEY = ?",
                idempotencyKeys.stream().map(key -> new Object[] {failure, jobExecutionId, MAX_REFUSALS, now, key})
                    .toList());
        List<Integer> attempts = idempotencyKeys.isEmpty() ? List.of() : jdbc.queryForList(
                "SELECT REPORT_ATTEMPTS FROM EXPORT_LEDGER WHERE IDEMPOTENCY_KEY = ?", Integer.class,
                idempotencyKeys.iterator().next());
        return !attempts.isEmpty() && attempts.get(0) >= MAX_REFUSALS;
    }

}
