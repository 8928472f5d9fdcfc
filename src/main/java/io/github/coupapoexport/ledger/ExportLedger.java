package io.github.coupapoexport.ledger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.mapping.PreviousExport;
import io.github.coupapoexport.mapping.PurchaseOrderSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job's memory of what it sent the ERP: one row per PO snapshot (table {@code EXPORT_LEDGER}, DDL in
 * {@code sql/}). It decides CREATE versus UPDATE, knows the lines the ERP holds so that a line Coupa no longer
 * returns is sent as deleted, and knows which snapshots the ERP already applied.
 * <p>
 * Every write commits in a transaction of its own, never in the chunk's: the ERP and Coupa calls cannot be rolled
 * back, so neither may the record of them when a later item fails the chunk.
 */
public class ExportLedger {

    private static final TypeReference<List<ErpPurchaseOrder.Line>> SENT_LINES = new TypeReference<>() {
    };

    private static final String COLUMNS = "IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, OUTCOME, OUTCOME_MESSAGE, "
            + "ERP_DOCUMENT_ID, JOB_EXECUTION_ID, ATTEMPTS, ACCEPTED_AT, MARKED_EXPORTED_AT";

    /** Long enough for an ERP's explanation, short enough for any column type. */
    static final int MESSAGE_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    private final TransactionTemplate ownTransaction;

    /** Older rows hold only each line's id and number: a missing {@code deleted} reads as false, not as an error. */
    private final JsonMapper json = JsonMapper.builder()
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .build();

    private final Clock clock;

    public ExportLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The lines of the last document the ERP accepted for this PO, if it ever accepted one. */
    public Optional<PreviousExport> lastAccepted(long coupaId) {
        List<String> lines = jdbc.queryForList("SELECT SENT_LINES FROM EXPORT_LEDGER WHERE COUPA_ID = ? "
                + "AND OUTCOME = 'ACCEPTED' ORDER BY ACCEPTED_AT DESC FETCH FIRST 1 ROWS ONLY", String.class, coupaId);
        return lines.stream().findFirst().map(sent -> new PreviousExport(json.readValue(sent, SENT_LINES)));
    }

    public Optional<LedgerEntry> find(String idempotencyKey) {
        return jdbc.query("SELECT " + COLUMNS + " FROM EXPORT_LEDGER WHERE IDEMPOTENCY_KEY = ?", ENTRY, idempotencyKey)
            .stream()
            .findFirst();
    }

    /** Written before the document is posted, so that a crash in between leaves a trace. */
    public void recordSending(PurchaseOrderSnapshot snapshot, ErpPurchaseOrder document, long jobExecutionId) {
        upsert(snapshot, document.action().name(), json.writeValueAsString(document.liveLines()), LedgerOutcome.SENDING,
                null, jobExecutionId);
    }

    /** A PO the mapping refused: nothing went to the ERP. */
    public void recordInvalid(PurchaseOrderSnapshot snapshot, String reason, long jobExecutionId) {
        upsert(snapshot, null, "[]", LedgerOutcome.INVALID, reason, jobExecutionId);
    }

    public void recordAccepted(String idempotencyKey, int erpStatus, String erpDocumentId) {
        OffsetDateTime now = now();
        inOwnTransaction("UPDATE EXPORT_LEDGER SET OUTCOME = 'ACCEPTED', OUTCOME_MESSAGE = NULL, ERP_STATUS = ?, "
                + "ERP_DOCUMENT_ID = ?, ACCEPTED_AT = ?, LAST_ATTEMPT_AT = ?, REPORTED_AT = NULL WHERE IDEMPOTENCY_KEY = ?",
                erpStatus, erpDocumentId, now, now, idempotencyKey);
    }

    /** @param erpStatus the ERP's HTTP status, or null when it never answered */
    public void recordFailure(String idempotencyKey, LedgerOutcome outcome, Integer erpStatus, String message) {
        inOwnTransaction("UPDATE EXPORT_LEDGER SET OUTCOME = ?, OUTCOME_MESSAGE = ?, ERP_STATUS = ?, LAST_ATTEMPT_AT = ?, "
                + "REPORTED_AT = NULL WHERE IDEMPOTENCY_KEY = ?", outcome.name(), truncate(message), erpStatus, now(),
                idempotencyKey);
    }

    /**
     * Final outcomes Coupa's monitoring has not heard of yet, by PO and oldest first: what a failed run could not
     * report, and what this run has just produced. An accepted snapshot counts once it is marked exported.
     */
    public List<UnreportedOutcome> unreported(int limit) {
        return jdbc.query("SELECT IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, PO_STATUS, ACTION, OUTCOME, "
                + "OUTCOME_MESSAGE, ERP_STATUS, ERP_DOCUMENT_ID FROM EXPORT_LEDGER WHERE REPORTED_AT IS NULL "
                + "AND OUTCOME <> 'SENDING' AND (OUTCOME <> 'ACCEPTED' OR MARKED_EXPORTED_AT IS NOT NULL) "
                + "ORDER BY COUPA_ID, LAST_ATTEMPT_AT FETCH FIRST " + limit + " ROWS ONLY",
                (rs, row) -> new UnreportedOutcome(rs.getString("IDEMPOTENCY_KEY"), rs.getLong("COUPA_ID"),
                        rs.getString("PO_NUMBER"), (Integer) rs.getObject("PO_VERSION"), rs.getString("PO_STATUS"),
                        rs.getString("ACTION"), LedgerOutcome.valueOf(rs.getString("OUTCOME")),
                        rs.getString("OUTCOME_MESSAGE"), (Integer) rs.getObject("ERP_STATUS"),
                        rs.getString("ERP_DOCUMENT_ID")));
    }

    public void recordReported(List<String> idempotencyKeys) {
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(
                "UPDATE EXPORT_LEDGER SET REPORTED_AT = ? WHERE IDEMPOTENCY_KEY = ?",
                idempotencyKeys.stream().map(key -> new Object[] {now, key}).toList()));
    }

    public void recordMarkedExported(String idempotencyKey) {
        inOwnTransaction("UPDATE EXPORT_LEDGER SET MARKED_EXPORTED_AT = ? WHERE IDEMPOTENCY_KEY = ?", now(),
                idempotencyKey);
    }

    private void upsert(PurchaseOrderSnapshot snapshot, String action, String sentLines, LedgerOutcome outcome,
            String message, long jobExecutionId) {
        OffsetDateTime now = now();
        ownTransaction.executeWithoutResult(status -> {
            int updated = jdbc.update("UPDATE EXPORT_LEDGER SET ACTION = ?, SENT_LINES = ?, OUTCOME = ?, "
                    + "OUTCOME_MESSAGE = ?, ERP_STATUS = NULL, PO_STATUS = ?, JOB_EXECUTION_ID = ?, "
                    + "ATTEMPTS = ATTEMPTS + 1, LAST_ATTEMPT_AT = ?, REPORTED_AT = NULL WHERE IDEMPOTENCY_KEY = ?",
                    action, sentLines, outcome.name(), truncate(message), snapshot.status(), jobExecutionId, now,
                    snapshot.idempotencyKey());
            if (updated == 0) {
                jdbc.update("INSERT INTO EXPORT_LEDGER (IDEMPOTENCY_KEY, COUPA_ID, PO_NUMBER, PO_VERSION, "
                        + "COUPA_UPDATED_AT, PO_STATUS, ACTION, SENT_LINES, OUTCOME, OUTCOME_MESSAGE, JOB_EXECUTION_ID, "
                        + "ATTEMPTS, FIRST_ATTEMPT_AT, LAST_ATTEMPT_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)",
                        snapshot.idempotencyKey(), snapshot.coupaId(), snapshot.poNumber(), snapshot.version(),
                        snapshot.updatedAt(), snapshot.status(), action, sentLines, outcome.name(), truncate(message),
                        jobExecutionId, now, now);
            }
        });
    }

    private void inOwnTransaction(String sql, Object... arguments) {
        ownTransaction.executeWithoutResult(status -> jdbc.update(sql, arguments));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String truncate(String message) {
        return message == null || message.length() <= MESSAGE_LENGTH ? message
                : message.substring(0, MESSAGE_LENGTH - 3) + "...";
    }

    private static final RowMapper<LedgerEntry> ENTRY = (rs, row) -> new LedgerEntry(rs.getString("IDEMPOTENCY_KEY"),
            rs.getLong("COUPA_ID"), rs.getString("PO_NUMBER"), (Integer) rs.getObject("PO_VERSION"),
            LedgerOutcome.valueOf(rs.getString("OUTCOME")), rs.getString("OUTCOME_MESSAGE"),
            rs.getString("ERP_DOCUMENT_ID"), rs.getLong("JOB_EXECUTION_ID"), rs.getInt("ATTEMPTS"),
            rs.getObject("ACCEPTED_AT", OffsetDateTime.class), rs.getObject("MARKED_EXPORTED_AT", OffsetDateTime.class));
}
