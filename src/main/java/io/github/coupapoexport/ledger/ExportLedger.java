package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.mapping.ErpDocumentJson;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PreviousExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The job's memory of what it sent the ERP: one row per PO snapshot (table {@code EXPORT_LEDGER}, DDL in
 * {@code sql/}). It decides CREATE versus UPDATE, knows the lines the ERP holds so that a line Coupa no longer
 * returns is sent as deleted, and knows which snapshots the ERP already applied.
 * <p>
 * Every write commits in a transaction of its own, never in the chunk's: the ERP and Coupa calls cannot be rolled
 * back, so neither may the record of them when a later item fails the chunk.
 */
public class ExportLedger {

    static final String COLUMNS = "IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, PO_STATUS, OUTCOME, "
            + "OUTCOME_MESSAGE, ERP_DOCUMENT_ID, JOB_EXECUTION_ID, ATTEMPTS, FIRST_ATTEMPT_AT, ACCEPTED_AT, DOCUMENT, "
            + "COUPA_MARK, COUPA_MARK_MESSAGE, QUEUED_AT, VERDICT_PROBLEM";

    /**
     * The condition on a ledger row (unqualified column names) under which the ERP holds its PO as of that snapshot:
     * accepted by the ERP, or baselined ({@link LedgerOutcome#erpHolds()}). For queries that ask which POs the ERP
     * holds, e.g. "exported in Coupa but never accepted by the ERP", which must not name a baselined PO.
     */
    public static final String ERP_HOLDS = "OUTCOME IN ('ACCEPTED', 'BASELINED')";

    private final JdbcTemplate jdbc;

    private final LedgerWrites writes;

    public ExportLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.writes = new LedgerWrites(jdbc, transactionManager, clock);
    }

    /**
     * The lines of the last document the ERP accepted for this PO (or, for a baselined PO, the lines the ERP is taken to
     * hold), if it holds any.
     */
    public Optional<PreviousExport> lastAccepted(long coupaId) {
        List<String> lines = jdbc.queryForList("SELECT SENT_LINES FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND "
                + ERP_HOLDS + " ORDER BY ACCEPTED_AT DESC FETCH FIRST 1 ROWS ONLY", String.class, coupaId);
        return lines.stream().findFirst().map(sent -> new PreviousExport(ErpDocumentJson.readLines(sent)));
    }

    public Optional<LedgerEntry> find(String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE IDEMPOTENCY_KEY = ?", ENTRY, idempotencyKey)
            .stream()
            .findFirst();
    }

    /**
     * An earlier snapshot of this PO that was sent and whose outcome is unknown (a timeout, a crash after sending):
     * it must be resolved, by resending it under its own key, before this PO's next snapshot is sent, or the next
     * one could go out as a second CREATE and miss the lines it deleted. A snapshot still queued in the ERP's import
     * holds the next one back the same way, until the ERP's verdict is read.
     */
    public Optional<LedgerEntry> unknownOutcomeBefore(long coupaId, String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND IDEMPOTENCY_KEY <> ? "
                + "AND OUTCOME IN ('SENDING', 'ERP_UNREACHABLE', 'QUEUED') AND DOCUMENT IS NOT NULL "
                + "ORDER BY FIRST_ATTEMPT_AT FETCH FIRST 1 ROWS ONLY", ENTRY, coupaId, idempotencyKey).stream().findFirst();
    }

    /**
     * What a crash or an unanswered call left half-done, oldest first: snapshots sent without a known outcome,
     * snapshots the ERP accepted that are not yet marked in Coupa, and snapshots waiting in the ERP's import queue.
     */
    public List<LedgerEntry> unfinished() {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE OUTCOME IN ('SENDING', 'QUEUED') "
                + "OR OUTCOME = 'ERP_UNREACHABLE' AND DOCUMENT IS NOT NULL OR OUTCOME = 'ACCEPTED' AND COUPA_MARK IS NULL "
                + "ORDER BY COUPA_ID, FIRST_ATTEMPT_AT", ENTRY);
    }

    /** The snapshot of this PO that the ERP rejected in this job execution, latest first, if any. */
    public Optional<LedgerEntry> rejectedIn(long coupaId, long jobExecutionId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND OUTCOME = 'REJECTED' "
                + "AND JOB_EXECUTION_ID = ? ORDER BY LAST_ATTEMPT_AT DESC FETCH FIRST 1 ROWS ONLY", ENTRY, coupaId,
                jobExecutionId).stream().findFirst();
    }

    /**
     * The snapshot of this PO the ERP accepted last, with the document it holds, if any; a baselined one has neither a
     * document nor an ERP document id (it was never sent), so it matches no new document and names no ERP document.
     */
    public Optional<LedgerEntry> lastAcceptedEntry(long coupaId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND " + ERP_HOLDS
                + " ORDER BY ACCEPTED_AT DESC FETCH FIRST 1 ROWS ONLY", ENTRY, coupaId).stream().findFirst();
    }

    /**
     * Whether the ERP holds this PO as far as the ledger knows: it accepted a snapshot of it, or a baseline took it as
     * held. A PO Coupa shows exported without either is one the ERP may not have.
     */
    public boolean erpHolds(long coupaId) {
        Integer held = jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND " + ERP_HOLDS,
                Integer.class, coupaId);
        return held != null && held > 0;
    }

    /**
     * Whether {@code reconcile --fix} put the PO back to not exported after the ERP accepted this snapshot, having found
     * that the ERP does not hold it as the ledger says: then the ledger's word that the ERP holds it no longer counts,
     * and the PO is sent, not only marked again (which would only bring it back to the next reconciliation).
     */
    public boolean putBackByReconciliation(LedgerEntry accepted) {
        Integer putBack = jdbc.queryForObject("SELECT COUNT(*) FROM RECONCILIATION_DIFFERENCE WHERE COUPA_ID = ? "
                + "AND FIX = 'UNMARKED' AND RECORDED_AT > ?", Integer.class, accepted.coupaId(), accepted.acceptedAt());
        return putBack != null && putBack > 0;
    }

    /**
     * A snapshot whose document the ERP already holds, word for word, under an earlier key: accepted without being
     * sent again.
     */
    public void recordAlreadyHeld(String idempotencyKey, String erpDocumentId, String message) {
        OffsetDateTime now = writes.now();
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = 'ACCEPTED', OUTCOME_MESSAGE = ?, ERP_STATUS = NULL, "
                + "ERP_DOCUMENT_ID = ?, ACCEPTED_AT = ?, LAST_ATTEMPT_AT = ?, REPORTED_AT = NULL, REPORT_ATTEMPTS = 0 "
                + "WHERE IDEMPOTENCY_KEY = ?", LedgerText.fit(message, LedgerText.MESSAGE),
                LedgerText.fit(erpDocumentId, LedgerText.ERP_DOCUMENT_ID), now, now, idempotencyKey);
    }

    /**
     * How many POs these job executions handled whose latest snapshot failed and is not in the ERP as Coupa shows it:
     * rejected, invalid, unanswered, held back, accepted (or baselined) with a mark Coupa refused, or queued in an ERP whose verdict
     * could not be read or is overdue.
     */
    public long stillFailing(List<Long> jobExecutionIds) {
        if (jobExecutionIds.isEmpty()) {
            return 0;
        }
        String executions = String.join(",", jobExecutionIds.stream().map(String::valueOf).toList());
        Long failing = jdbc.queryForObject("SELECT COUNT(DISTINCT COUPA_ID) FROM EXPORT_LEDGER l WHERE "
                + "l.JOB_EXECUTION_ID IN (" + executions + ") AND (l.OUTCOME IN ('REJECTED', 'INVALID', "
                + "'ERP_UNREACHABLE', 'COUPA_REFUSED') OR l.OUTCOME IN ('ACCEPTED', 'BASELINED') AND l.COUPA_MARK = 'REFUSED' "
                + "OR l.OUTCOME = 'QUEUED' AND l.VERDICT_PROBLEM IS NOT NULL) "
                + "AND NOT EXISTS (SELECT 1 FROM EXPORT_LEDGER later WHERE later.COUPA_ID = l.COUPA_ID "
                + "AND later.LAST_ATTEMPT_AT > l.LAST_ATTEMPT_AT)", Long.class);
        return failing == null ? 0 : failing;
    }

    /** Whether a later snapshot of the same PO has been handled since this one. */
    public boolean laterSnapshotExists(LedgerEntry entry) {
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND "
                + "IDEMPOTENCY_KEY <> ? AND FIRST_ATTEMPT_AT > ?", Integer.class, entry.coupaId(), entry.idempotencyKey(),
                entry.firstAttemptAt());
        return later != null && later > 0;
    }

    /**
     * Whether a later snapshot of the PO was sent to the ERP (a replay, {@code --po}): one found invalid or held back
     * was not, and does not stand in for this one.
     */
    public boolean laterSnapshotSent(LedgerEntry entry) {
        Integer later = jdbc.queryForObject("SELECT COUNT(*) FROM EXPORT_LEDGER WHERE COUPA_ID = ? AND "
                + "IDEMPOTENCY_KEY <> ? AND FIRST_ATTEMPT_AT > ? AND DOCUMENT IS NOT NULL", Integer.class,
                entry.coupaId(), entry.idempotencyKey(), entry.firstAttemptAt());
        return later != null && later > 0;
    }

    /**
     * Written before the document is posted, so that a crash in between leaves a trace and the document to resend.
     *
     * @return the document as kept, the very text to post: a resend posts it again word for word
     */
    public String recordSending(PurchaseOrderSnapshot snapshot, ErpPurchaseOrder document, long jobExecutionId) {
        String kept = ErpDocumentJson.write(document);
        upsert(snapshot, document.action().name(), ErpDocumentJson.writeLines(document.liveLines()), kept,
                LedgerOutcome.SENDING, null, jobExecutionId);
        return kept;
    }

    /** A PO the mapping refused: nothing went to the ERP. */
    public void recordInvalid(PurchaseOrderSnapshot snapshot, String reason, long jobExecutionId) {
        upsert(snapshot, null, "[]", null, LedgerOutcome.INVALID, reason, jobExecutionId);
    }

    /** Not sent, because the outcome of an earlier snapshot of the PO is still unknown. */
    public void recordNotSent(PurchaseOrderSnapshot snapshot, String reason, long jobExecutionId) {
        upsert(snapshot, null, "[]", null, LedgerOutcome.ERP_UNREACHABLE, reason, jobExecutionId);
    }

    public void recordAccepted(String idempotencyKey, Integer erpStatus, String erpDocumentId) {
        OffsetDateTime now = writes.now();
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = 'ACCEPTED', OUTCOME_MESSAGE = NULL, ERP_STATUS = ?, "
                + "ERP_DOCUMENT_ID = ?, ACCEPTED_AT = ?, LAST_ATTEMPT_AT = ?, REPORTED_AT = NULL, REPORT_ATTEMPTS = 0, "
                + "QUEUED_AT = NULL, VERDICT_PROBLEM = NULL WHERE IDEMPOTENCY_KEY = ?", erpStatus, LedgerText.fit(erpDocumentId, LedgerText.ERP_DOCUMENT_ID), now,
                now, idempotencyKey);
    }

    /**
     * The ERP queued the document for its import program; the verdict comes later.
     *
     * @param queueId the ERP's id of the queued document, kept where the ERP's document id goes once it is accepted
     */
    public void recordQueued(String idempotencyKey, String queueId) {
        // QUEUED_AT stays as it was when a resend finds the document still queued: overdue counts from the first.
        OffsetDateTime now = writes.now();
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = 'QUEUED', OUTCOME_MESSAGE = ?, ERP_STATUS = NULL, "
                + "ERP_DOCUMENT_ID = ?, LAST_ATTEMPT_AT = ?, QUEUED_AT = COALESCE(QUEUED_AT, ?), VERDICT_PROBLEM = NULL "
                + "WHERE IDEMPOTENCY_KEY = ?",
                LedgerText.fit("queued for the ERP's import as " + queueId, LedgerText.MESSAGE),
                LedgerText.fit(queueId, LedgerText.ERP_DOCUMENT_ID), now, now, idempotencyKey);
    }

    /**
     * The ERP's verdict on a queued snapshot could not be read, or is overdue: the snapshot stays queued (it is
     * neither sent again nor taken as decided) and counts as failing for this execution until a verdict is read.
     *
     * @param problem why, or null when a verdict could be read again and is merely still to come
     */
    public void recordVerdictProblem(String idempotencyKey, String problem, long jobExecutionId) {
        writes.update("UPDATE EXPORT_LEDGER SET VERDICT_PROBLEM = ?, JOB_EXECUTION_ID = ? WHERE IDEMPOTENCY_KEY = ?",
                LedgerText.fit(problem, LedgerText.MESSAGE), jobExecutionId, idempotencyKey);
    }

    /** @param erpStatus the ERP's HTTP status, or null when it never answered */
    public void recordFailure(String idempotencyKey, LedgerOutcome outcome, Integer erpStatus, String message) {
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = ?, OUTCOME_MESSAGE = ?, ERP_STATUS = ?, LAST_ATTEMPT_AT = ?, "
                + "REPORTED_AT = NULL, REPORT_ATTEMPTS = 0, QUEUED_AT = NULL, VERDICT_PROBLEM = NULL "
                + "WHERE IDEMPOTENCY_KEY = ?", outcome.name(),
                LedgerText.fit(message, LedgerText.MESSAGE), erpStatus, writes.now(), idempotencyKey);
    }

    /** This execution handles the snapshot again (only marks it): its outcome counts for this execution. */
    public void recordHandledBy(String idempotencyKey, long jobExecutionId) {
        writes.update("UPDATE EXPORT_LEDGER SET JOB_EXECUTION_ID = ? WHERE IDEMPOTENCY_KEY = ?", jobExecutionId,
                idempotencyKey);
    }

    /** Another try of a snapshot whose outcome was unknown, resent under its own key. */
    public void recordResending(String idempotencyKey, long jobExecutionId) {
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = 'SENDING', JOB_EXECUTION_ID = ?, ATTEMPTS = ATTEMPTS + 1, "
                + "LAST_ATTEMPT_AT = ? WHERE IDEMPOTENCY_KEY = ?", jobExecutionId, writes.now(), idempotencyKey);
    }

    /** The PO moved on in Coupa before this snapshot was sent: nothing to send, nothing to report. */
    public void recordSuperseded(String idempotencyKey, String message) {
        // LAST_ATTEMPT_AT stays: superseding is no attempt, and a later snapshot's failure must stay the latest one.
        writes.update("UPDATE EXPORT_LEDGER SET OUTCOME = 'SUPERSEDED', OUTCOME_MESSAGE = ?, REPORTED_AT = ? "
                + "WHERE IDEMPOTENCY_KEY = ?", LedgerText.fit(message, LedgerText.MESSAGE), writes.now(), idempotencyKey);
    }

    /** What became of marking the PO exported; a new mark outcome is reported again. */
    public void recordMark(String idempotencyKey, CoupaMark mark, String message) {
        OffsetDateTime now = writes.now();
        writes.update("UPDATE EXPORT_LEDGER SET COUPA_MARK = ?, COUPA_MARK_MESSAGE = ?, MARKED_EXPORTED_AT = "
                + "CASE WHEN ? = 'MARKED' THEN ? ELSE MARKED_EXPORTED_AT END, REPORTED_AT = NULL, REPORT_ATTEMPTS = 0 "
                + "WHERE IDEMPOTENCY_KEY = ?", mark == null ? null : mark.name(),
                LedgerText.fit(message, LedgerText.MESSAGE), mark == null ? "" : mark.name(), now, idempotencyKey);
    }

    private void upsert(PurchaseOrderSnapshot snapshot, String action, String sentLines, String document,
            LedgerOutcome outcome, String message, long jobExecutionId) {
        OffsetDateTime now = writes.now();
        String poNumber = LedgerText.fit(snapshot.poNumber(), LedgerText.PO_NUMBER);
        String poStatus = LedgerText.fit(snapshot.status(), LedgerText.PO_STATUS);
        String reason = LedgerText.fit(message, LedgerText.MESSAGE);
        writes.together(() -> {
            int updated = jdbc.update("UPDATE EXPORT_LEDGER SET ACTION = ?, SENT_LINES = ?, DOCUMENT = ?, OUTCOME = ?, "
                    + "OUTCOME_MESSAGE = ?, ERP_STATUS = NULL, PO_STATUS = ?, JOB_EXECUTION_ID = ?, COUPA_MARK = NULL, "
                    + "COUPA_MARK_MESSAGE = NULL, ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, REPORTED_AT = NULL, "
                    + "REPORT_ATTEMPTS = 0 WHERE IDEMPOTENCY_KEY = ?",
                    action, sentLines, document, outcome.name(), reason, poStatus, jobExecutionId, now,
                    snapshot.idempotencyKey());
            if (updated == 0) {
                jdbc.update("INSERT INTO EXPORT_LEDGER (IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, "
                        + "COUPA_UPDATED_AT, PO_STATUS, ACTION, SENT_LINES, DOCUMENT, OUTCOME, OUTCOME_MESSAGE, "
                        + "JOB_EXECUTION_ID, ATTEMPTS, FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                        snapshot.idempotencyKey(), snapshot.coupaId(), poNumber, snapshot.version(),
                        snapshot.updatedAt(), poStatus, action, sentLines, document, outcome.name(), reason,
                        jobExecutionId, now, now);
            }
        });
    }


    static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> new LedgerEntry(rs.getString("IDEMPOTENCY_KEY"),
            rs.getLong("COUPA_ID"), rs.getString("PO_NUMBER"), (Integer) rs.getObject("PO_VERSION"),
            rs.getString("PO_STATUS"), LedgerOutcome.valueOf(rs.getString("OUTCOME")), rs.getString("OUTCOME_MESSAGE"),
            rs.getString("ERP_DOCUMENT_ID"), rs.getLong("JOB_EXECUTION_ID"), rs.getInt("ATTEMPTS"),
            rs.getObject("FIRST_ATTEMPT_AT", OffsetDateTime.class), rs.getObject("ACCEPTED_AT", OffsetDateTime.class),
            rs.getString("DOCUMENT"), rs.getString("COUPA_MARK") == null ? null : CoupaMark.valueOf(rs.getString("COUPA_MARK")),
            rs.getString("COUPA_MARK_MESSAGE"), rs.getObject("QUEUED_AT", OffsetDateTime.class),
            rs.getString("VERDICT_PROBLEM"));
}
