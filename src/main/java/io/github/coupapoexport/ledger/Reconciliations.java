package io.github.coupapoexport.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * What the ledger tells a reconciliation ({@code reconcile}), and the reconciliations themselves (tables
 * {@code RECONCILIATION} and {@code RECONCILIATION_DIFFERENCE}, {@code sql/*}/V8): each is begun, each difference is
 * written as it is found and fixed, and the counts when it ends, so that a {@code --fix} that dies half-way still
 * leaves the record of every PO it put back, which the export reads ({@link ExportLedger#putBackByReconciliation}).
 */
public class Reconciliations {

    /**
     * The outcomes that count as "the ERP holds this PO" ({@link LedgerOutcome#erpHolds()}): a PO Coupa shows exported
     * with none of them in the ledger was never accepted. A baseline's {@code BASELINED} stands for the ERP holding a
     * PO without an acceptance: such a PO is compared by version only, the ERP is not asked about it.
     */
    static final List<String> COUNTS_AS_HELD = Arrays.stream(LedgerOutcome.values()).filter(LedgerOutcome::erpHolds)
        .map(Enum::name).toList();

    private static final String HELD_IN = "('" + String.join("', '", COUNTS_AS_HELD) + "')";

    /** When a held outcome was recorded: its acceptance, or, for an outcome that is none, its last attempt. */
    private static final String HELD_AT = "COALESCE(%1$s.ACCEPTED_AT, %1$s.LAST_ATTEMPT_AT)";

    private static final String ACCEPTANCE_COLUMNS = "l.COUPA_ID, l.PO_NUMBER, l.PO_VERSION, l.PO_STATUS, l.OUTCOME, "
            + HELD_AT.formatted("l") + " AS HELD_AT, l.ERP_DOCUMENT_ID";

    private final JdbcTemplate jdbc;

    private final LedgerWrites writes;

    public Reconciliations(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.writes = new LedgerWrites(jdbc, transactionManager, clock);
    }

    /** The last snapshot the ledger counts as held by the ERP, of each of these POs that has one. */
    public Map<Long, Acceptance> lastAcceptances(Collection<Long> coupaIds) {
        if (coupaIds.isEmpty()) {
            return Map.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(coupaIds.size(), "?"));
        List<Acceptance> rows = jdbc.query("SELECT " + ACCEPTANCE_COLUMNS + " FROM EXPORT_LEDGER l WHERE l.COUPA_ID IN ("
                + placeholders + ") AND l.OUTCOME IN " + HELD_IN + " AND NOT EXISTS (SELECT 1 FROM EXPORT_LEDGER later "
                + "WHERE later.COUPA_ID = l.COUPA_ID AND later.OUTCOME IN " + HELD_IN + " AND ("
                + HELD_AT.formatted("later") + " > " + HELD_AT.formatted("l") + " OR " + HELD_AT.formatted("later")
                + " = " + HELD_AT.formatted("l") + " AND later.IDEMPOTENCY_KEY > l.IDEMPOTENCY_KEY))",
                (rs, row) -> acceptance(rs), coupaIds.toArray());
        Map<Long, Acceptance> byPo = new LinkedHashMap<>();
        rows.forEach(acceptance -> byPo.put(acceptance.coupaId(), acceptance));
        return byPo;
    }

    /**
     * Those of these POs whose latest snapshot is still on its way to the ERP: queued for the ERP's import, or sent
     * without a known answer. The next run settles them (reads the verdict, resends under the same key), so they are
     * not compared: a PO marked exported while it waits in the ERP's queue is no difference.
     */
    public Set<Long> unsettled(Collection<Long> coupaIds) {
        if (coupaIds.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(coupaIds.size(), "?"));
        return Set.copyOf(jdbc.queryForList("SELECT l.COUPA_ID FROM EXPORT_LEDGER l WHERE l.COUPA_ID IN ("
                + placeholders + ") AND (l.OUTCOME IN ('QUEUED', 'SENDING') OR l.OUTCOME = 'ERP_UNREACHABLE' AND "
                + "l.DOCUMENT IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM EXPORT_LEDGER later WHERE later.COUPA_ID = "
                + "l.COUPA_ID AND (later.FIRST_ATTEMPT_AT > l.FIRST_ATTEMPT_AT OR later.FIRST_ATTEMPT_AT = "
                + "l.FIRST_ATTEMPT_AT AND later.IDEMPOTENCY_KEY > l.IDEMPOTENCY_KEY))", Long.class, coupaIds.toArray()));
    }

    /** The POs of these that the ledger has any row of: the job has handled them at least once. */
    public Set<Long> known(Collection<Long> coupaIds) {
        if (coupaIds.isEmpty()) {
            return Set.of();
        }
        String placeholders = String.join(", ", Collections.nCopies(coupaIds.size(), "?"));
        return Set.copyOf(jdbc.queryForList("SELECT DISTINCT COUPA_ID FROM EXPORT_LEDGER WHERE COUPA_ID IN ("
                + placeholders + ")", Long.class, coupaIds.toArray()));
    }

    /** When the job first attempted any PO: before that, what Coupa shows exported was exported by something else. */
    public Optional<OffsetDateTime> firstAttempt() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MIN(FIRST_ATTEMPT_AT) FROM EXPORT_LEDGER",
                OffsetDateTime.class));
    }

    /**
     * The POs the ERP accepted after {@code since} whose latest snapshot is that acceptance: each should be exported
     * in Coupa at that version. Those Coupa does not list as exported are asked for by id.
     */
    public List<Acceptance> acceptedSince(OffsetDateTime since) {
        return jdbc.query("SELECT " + ACCEPTANCE_COLUMNS + " FROM EXPORT_LEDGER l WHERE l.OUTCOME = 'ACCEPTED' "
                + "AND l.ACCEPTED_AT > ? AND NOT EXISTS (SELECT 1 FROM EXPORT_LEDGER later WHERE later.COUPA_ID = "
                + "l.COUPA_ID AND (later.FIRST_ATTEMPT_AT > l.FIRST_ATTEMPT_AT OR later.FIRST_ATTEMPT_AT = "
                + "l.FIRST_ATTEMPT_AT AND later.IDEMPOTENCY_KEY > l.IDEMPOTENCY_KEY)) ORDER BY l.COUPA_ID",
                (rs, row) -> acceptance(rs), since.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /** Starts the record of a reconciliation; returns its id. */
    public String begin(OffsetDateTime since, boolean erpRead, boolean fix) {
        String id = UUID.randomUUID().toString();
        writes.update("INSERT INTO RECONCILIATION (RECONCILIATION_ID, STARTED_AT, SINCE, ERP_READ, FIX) "
                + "VALUES (?, ?, ?, ?, ?)", id, writes.now(), since.withOffsetSameInstant(ZoneOffset.UTC), erpRead, fix);
        return id;
    }

    /** One PO found differing, with what {@code --fix} did about it. */
    public void recordDifference(String reconciliationId, Difference difference) {
        writes.update("INSERT INTO RECONCILIATION_DIFFERENCE (RECONCILIATION_ID, COUPA_ID, PO_NUMBER, KIND, "
                + "COUPA_VERSION, COUPA_STATUS, LEDGER_VERSION, ERP_HOLDS, FIX, FIX_MESSAGE, RECORDED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", reconciliationId, difference.coupaId(),
                LedgerText.fit(difference.poNumber(), LedgerText.PO_NUMBER), difference.kind().name(),
                difference.coupaVersion(), LedgerText.fit(difference.coupaStatus(), LedgerText.PO_STATUS),
                difference.ledgerVersion(), LedgerText.fit(difference.erpHolds(), LedgerText.ERP_DOCUMENT_ID),
                difference.fix().name(), LedgerText.fit(difference.fixMessage(), LedgerText.MESSAGE), writes.now());
    }

    /** What {@code --fix} did about a difference recorded before it acted, when that turned out otherwise. */
    public void amendDifference(String reconciliationId, Difference difference) {
        writes.update("UPDATE RECONCILIATION_DIFFERENCE SET FIX = ?, FIX_MESSAGE = ?, RECORDED_AT = ? "
                + "WHERE RECONCILIATION_ID = ? AND COUPA_ID = ?", difference.fix().name(),
                LedgerText.fit(difference.fixMessage(), LedgerText.MESSAGE), writes.now(), reconciliationId,
                difference.coupaId());
    }

    /** Ends the record: the counts, read back from the differences written. */
    public ReconciliationSummary finish(String reconciliationId, int exportedInCoupa, long coupaCalls) {
        writes.update("UPDATE RECONCILIATION SET FINISHED_AT = ?, EXPORTED_IN_COUPA = ?, COUPA_CALLS = ?, "
                + "NOT_IN_ERP = (SELECT COUNT(*) FROM RECONCILIATION_DIFFERENCE d WHERE d.RECONCILIATION_ID = ? "
                + "AND d.KIND = 'NOT_IN_ERP'), NOT_EXPORTED = (SELECT COUNT(*) FROM RECONCILIATION_DIFFERENCE d WHERE "
                + "d.RECONCILIATION_ID = ? AND d.KIND = 'NOT_EXPORTED'), NEWER_IN_COUPA = (SELECT COUNT(*) FROM "
                + "RECONCILIATION_DIFFERENCE d WHERE d.RECONCILIATION_ID = ? AND d.KIND = 'NEWER_IN_COUPA') "
                + "WHERE RECONCILIATION_ID = ?", writes.now(), exportedInCoupa, coupaCalls, reconciliationId,
                reconciliationId, reconciliationId, reconciliationId);
        return find(reconciliationId).orElseThrow();
    }

    /** The last reconciliation that finished, with the POs it found differing by PO number; empty before the first. */
    public Optional<ReconciliationSummary> latest() {
        return jdbc.queryForList("SELECT RECONCILIATION_ID FROM RECONCILIATION WHERE FINISHED_AT IS NOT NULL "
                + "ORDER BY FINISHED_AT DESC FETCH FIRST 1 ROWS ONLY", String.class).stream().findFirst()
            .flatMap(this::find);
    }

    private Optional<ReconciliationSummary> find(String reconciliationId) {
        List<Difference> differences = jdbc.query("SELECT COUPA_ID, PO_NUMBER, KIND, COUPA_VERSION, COUPA_STATUS, "
                + "LEDGER_VERSION, ERP_HOLDS, FIX, FIX_MESSAGE FROM RECONCILIATION_DIFFERENCE WHERE RECONCILIATION_ID = ? "
                + "ORDER BY PO_NUMBER, COUPA_ID", (rs, row) -> new Difference(rs.getLong("COUPA_ID"),
                        rs.getString("PO_NUMBER"), ReconciliationSummary.Kind.valueOf(rs.getString("KIND")),
                        (Integer) rs.getObject("COUPA_VERSION"), rs.getString("COUPA_STATUS"),
                        (Integer) rs.getObject("LEDGER_VERSION"), rs.getString("ERP_HOLDS"),
                        ReconciliationSummary.Fix.valueOf(rs.getString("FIX")), rs.getString("FIX_MESSAGE")),
                reconciliationId);
        return jdbc.query("SELECT STARTED_AT, FINISHED_AT, SINCE, ERP_READ, FIX, EXPORTED_IN_COUPA, COUPA_CALLS FROM "
                + "RECONCILIATION WHERE RECONCILIATION_ID = ? AND FINISHED_AT IS NOT NULL", (rs, row) ->
                new ReconciliationSummary(reconciliationId, rs.getObject("STARTED_AT", OffsetDateTime.class).toInstant(),
                        rs.getObject("FINISHED_AT", OffsetDateTime.class).toInstant(),
                        rs.getObject("SINCE", OffsetDateTime.class), rs.getBoolean("ERP_READ"), rs.getBoolean("FIX"),
                        rs.getInt("EXPORTED_IN_COUPA"), rs.getLong("COUPA_CALLS"), differences), reconciliationId)
            .stream().findFirst();
    }

    private static Acceptance acceptance(ResultSet rs) throws SQLException {
        return new Acceptance(rs.getLong("COUPA_ID"), rs.getString("PO_NUMBER"), (Integer) rs.getObject("PO_VERSION"),
                rs.getString("PO_STATUS"), LedgerOutcome.ACCEPTED.name().equals(rs.getString("OUTCOME")),
                rs.getObject("HELD_AT", OffsetDateTime.class), rs.getString("ERP_DOCUMENT_ID"));
    }
}
