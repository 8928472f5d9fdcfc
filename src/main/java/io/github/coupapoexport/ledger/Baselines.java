package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;

import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ledger's side of {@code baseline}: POs the ERP already holds from before go-live, marked exported in Coupa without
 * being sent. Each is recorded {@link LedgerOutcome#BASELINED} before it is marked, as an export records SENDING before
 * it sends, so that a crash in between leaves the intent for the next baseline to finish.
 * <p>
 * A baselined row holds no document (nothing was sent) but the lines the ERP is taken to hold, and an ACCEPTED_AT (when
 * it was taken as held), so that the PO's next version is an UPDATE and a line Coupa stops returning is sent as deleted.
 */
public class Baselines {

    /** What a baseline's executions did, as the ledger has it. */
    public record Tally(long marked, long changedMeanwhile, long refused, long unmarked) {
    }

    private final JdbcTemplate jdbc;

    private final LedgerWrites writes;

    public Baselines(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.writes = new LedgerWrites(jdbc, transactionManager, clock);
    }

    /**
     * Whether a baseline may take this snapshot: the ledger knows nothing of its PO but, at most, this very snapshot as
     * baselined (an intent a failed baseline left). A PO the job handled otherwise (sent, accepted, rejected, found
     * invalid, or baselined at another version, so changed since) is the export's: its current state goes to the ERP.
     */
    public boolean takes(long coupaId, String idempotencyKey) {
        Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND NOT "
                + "(IDEMPOTENCY_KEY = ? AND OUTCOME = 'BASELINED')", Integer.class, coupaId, idempotencyKey);
        return others != null && others == 0;
    }

    /**
     * The same question for a dry run, which reads ids only: the ledger knows the PO other than as baselined and not yet
     * marked (an intent the baseline finishes, or a mark Coupa refused).
     */
    public boolean leavesToExport(long coupaId) {
        Integer others = jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND NOT "
                + "(OUTCOME = 'BASELINED' AND (COUPA_MARK IS NULL OR COUPA_MARK = 'REFUSED'))", Integer.class, coupaId);
        return others != null && others > 0;
    }

    /**
     * Written before the PO is marked: the ERP is taken to hold this snapshot with these lines.
     *
     * @param heldLines the live lines the ERP is taken to hold, against which the next version's deleted lines are found
     */
    public void recordBaselining(PurchaseOrderSnapshot snapshot, List<ErpPurchaseOrder.Line> heldLines, String message,
            long jobExecutionId) {
        OffsetDateTime now = writes.now();
        String lines = ErpDocumentJson.writeLines(heldLines);
        String reason = LedgerText.fit(message, LedgerText.MESSAGE);
        writes.together(() -> {
            int updated = jdbc.update("UPDATE EXPORT_LEDGER SET SENT_LINES = ?, OUTCOME_MESSAGE = ?, JOB_EXECUTION_ID = ?, "
                    + "ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ? WHERE IDEMPOTENCY_KEY = ? AND OUTCOME = 'BASELINED'",
                    lines, reason, jobExecutionId, now, snapshot.idempotencyKey());
            if (updated == 0) {
                // Nothing to report in Coupa's monitoring: the job sent nothing.
                jdbc.update("INSERT INTO EXPORT_LEDGER (IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, "
                        + "COUPA_UPDATED_AT, PO_STATUS, SENT_LINES, OUTCOME, OUTCOME_MESSAGE, JOB_EXECUTION_ID, ATTEMPTS, "
                        + "FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT, ACCEPTED_AT, REPORTED_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, 'BASELINED', ?, ?, 1, ?, ?, ?, ?)",
                        snapshot.idempotencyKey(), snapshot.coupaId(),
                        LedgerText.fit(snapshot.poNumber(), LedgerText.PO_NUMBER), snapshot.version(),
                        snapshot.updatedAt(), LedgerText.fit(snapshot.status(), LedgerText.PO_STATUS), lines, reason,
                        jobExecutionId, now, now, now, now);
            }
        });
    }

    /** Coupa shows the baselined PO exported, at the version and status that were read. */
    public void recordMarked(String idempotencyKey) {
        OffsetDateTime now = writes.now();
        writes.update("UPDATE EXPORT_LEDGER SET COUPA_MARK = 'MARKED', COUPA_MARK_MESSAGE = NULL, MARKED_EXPORTED_AT = ? "
                + "WHERE IDEMPOTENCY_KEY = ?", now, idempotencyKey);
    }

    /**
     * A buyer changed the PO while it was being baselined, and it is back to not exported, so that the export sends its
     * current version. It stays baselined: the ERP holds what was keyed in by hand whatever the buyer changed, so that
     * version goes as an UPDATE against the lines read; a CREATE would post the PO in the ERP a second time.
     */
    public void recordChangedMeanwhile(String idempotencyKey, String reason) {
        String message = LedgerText.fit(reason, LedgerText.MESSAGE);
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME_MESSAGE = ?, COUPA_MARK = 'UNMARKED', COUPA_MARK_MESSAGE = ? "
                + "WHERE IDEMPOTENCY_KEY = ?", message, message, idempotencyKey);
    }

    /** Coupa refused the mark: the PO stays baselined and unexported; the export marks it when it comes back. */
    public void recordMarkRefused(String idempotencyKey, String reason) {
        writes.update("UPDATE EXPORT_LEDGER SET COUPA_MARK = 'REFUSED', COUPA_MARK_MESSAGE = ? WHERE IDEMPOTENCY_KEY = ?",
                LedgerText.fit(reason, LedgerText.MESSAGE), idempotencyKey);
    }

    /**
     * A buyer changed the PO while it was being marked, and Coupa refused to put it back: Coupa shows its new version
     * exported though nothing was sent. Still baselined (the ERP holds what was keyed in by hand, so {@code retry} sends
     * the new version as an UPDATE, never a second CREATE); a failure for {@code failures} to list (class
     * coupa-refused), reported in Coupa by the next run ({@link ReportQueue}: the only baselined row left unreported).
     */
    public void recordPutBackRefused(String idempotencyKey, String reason) {
        String message = LedgerText.fit(reason, LedgerText.MESSAGE);
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME_MESSAGE = ?, COUPA_MARK = 'REFUSED', COUPA_MARK_MESSAGE = ?, "
                + "REPORTED_AT = NULL WHERE IDEMPOTENCY_KEY = ?", message, message, idempotencyKey);
    }

    /** Snapshots recorded as baselined whose mark a failure or a kill left undone, by PO. */
    public List<LedgerEntry> unmarked() {
        return jdbc.query("SELECT " + ExportLedger.COLUMNS + " FROM EXPORT_LEDGER WHERE OUTCOME = 'BASELINED' "
                + "AND COUPA_MARK IS NULL ORDER BY COUPA_ID, FIRST_ATTEMPT_AT", ExportLedger.ENTRY);
    }

    /** What these executions (a baseline's job instance) did, counted in the ledger, so that a resumed one tells all. */
    public Tally tally(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return new Tally(0, 0, 0, 0);
        }
        long[] counts = new long[4];
        jdbc.query("SELECT OUTCOME, COUPA_MARK, COUNT(*) AS N FROM EXPORT_LEDGER WHERE JOB_EXECUTION_ID IN ("
                + in(jobExecutionIds) + ") AND OUTCOME IN ('BASELINED', 'SUPERSEDED', 'COUPA_REFUSED') "
                + "GROUP BY OUTCOME, COUPA_MARK", rs -> {
                    String outcome = rs.getString("OUTCOME");
                    String mark = rs.getString("COUPA_MARK");
                    long n = rs.getLong("N");
                    if (outcome.equals("SUPERSEDED") || "UNMARKED".equals(mark)) {
                        counts[1] += n;
                    }
                    else if ("REFUSED".equals(mark)) {
                        counts[2] += n;
                    }
                    else if ("MARKED".equals(mark)) {
                        counts[0] += n;
                    }
                    else if (mark == null) {
                        counts[3] += n;
                    }
                });
        return new Tally(counts[0], counts[1], counts[2], counts[3]);
    }

    /** Why each PO of these executions was not baselined after all (changed meanwhile, or Coupa refused), by PO. */
    public List<String> notBaselined(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.queryForList("SELECT COUPA_MARK_MESSAGE FROM EXPORT_LEDGER WHERE JOB_EXECUTION_ID IN ("
                + in(jobExecutionIds) + ") AND COUPA_MARK IN ('UNMARKED', 'REFUSED') AND COUPA_MARK_MESSAGE IS NOT NULL "
                + "AND OUTCOME IN ('BASELINED', 'SUPERSEDED', 'COUPA_REFUSED') ORDER BY COUPA_ID", String.class);
    }

    private static String in(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
