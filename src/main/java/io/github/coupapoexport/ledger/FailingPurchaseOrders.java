package io.github.coupapoexport.ledger;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every PO that is not in the ERP as far as the ledger knows, for a person to work through ({@code failures}): its
 * latest snapshot failed, by class, with its first and last attempt since the ERP last accepted it.
 */
public class FailingPurchaseOrders {

    /** Why a PO is not in the ERP, in words an operator sorts by. */
    public enum FailureClass {
        /** The mapping refused the PO's data: a buyer fixes it in Coupa. */
        PO_DATA,
        /** The ERP refused the document: its message says what to fix, in Coupa or in the ERP. */
        ERP_REFUSED,
        /** The ERP never answered, or its verdict on a queued PO cannot be read or is overdue. */
        ERP_UNANSWERED,
        /** Coupa refused to mark the PO exported, or the report of its outcome. */
        COUPA_REFUSED;

        /** How {@code failures} shows the class and {@code retry --class} takes it, e.g. {@code erp-refused}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Every class's label, in the order {@code failures} lists them. */
        public static List<String> labels() {
            return Arrays.stream(values()).map(FailureClass::label).toList();
        }
    }

    /** One failing PO. */
    public record FailingPurchaseOrder(FailureClass failureClass, long coupaId, String poNumber,
            OffsetDateTime firstAttempt, OffsetDateTime lastAttempt, int attempts, String lastReason) {
    }

    private final JdbcTemplate jdbc;

    public FailingPurchaseOrders(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By class, then PO number. */
    public List<FailingPurchaseOrder> list() {
        // Every row of the POs whose latest snapshot fails, oldest first: the attempts since the last acceptance count.
        // Snapshots order by their first attempt, not their last: superseding an older unfinished snapshot stamps its
        // LAST_ATTEMPT_AT after a newer one's, which must not hide the newer one's failure. Equal times fall back on
        // the key, so that exactly one row is the latest.
        List<Snapshot> rows = jdbc.query("SELECT l.COUPA_ID, l.PO_NUMBER, l.OUTCOME, "
                + "l.OUTCOME_MESSAGE, l.COUPA_MARK, l.COUPA_MARK_MESSAGE, l.VERDICT_PROBLEM, l.REPORT_ATTEMPTS, "
                + "l.REPORT_FAILURE, l.ATTEMPTS, l.FIRST_ATTEMPT_AT, l.LAST_ATTEMPT_AT FROM EXPORT_LEDGER l "
                + "WHERE l.COUPA_ID IN (SELECT f.COUPA_ID FROM EXPORT_LEDGER f WHERE " + FAILING + " AND NOT EXISTS "
                + "(SELECT 1 FROM EXPORT_LEDGER later WHERE later.COUPA_ID = f.COUPA_ID "
                + "AND (later.FIRST_ATTEMPT_AT > f.FIRST_ATTEMPT_AT OR later.FIRST_ATTEMPT_AT = f.FIRST_ATTEMPT_AT "
                + "AND later.IDEMPOTENCY_KEY > f.IDEMPOTENCY_KEY))) "
                + "ORDER BY l.COUPA_ID, l.FIRST_ATTEMPT_AT, l.IDEMPOTENCY_KEY",
                (rs, row) -> new Snapshot(rs.getLong("COUPA_ID"), rs.getString("PO_NUMBER"), rs.getString("OUTCOME"),
                        rs.getString("OUTCOME_MESSAGE"), rs.getString("COUPA_MARK"), rs.getString("COUPA_MARK_MESSAGE"),
                        rs.getString("VERDICT_PROBLEM"), rs.getString("REPORT_FAILURE"), rs.getInt("ATTEMPTS"),
                        rs.getObject("FIRST_ATTEMPT_AT", OffsetDateTime.class),
                        rs.getObject("LAST_ATTEMPT_AT", OffsetDateTime.class)));
        Map<Long, List<Snapshot>> byPo = new LinkedHashMap<>();
        rows.forEach(row -> byPo.computeIfAbsent(row.coupaId(), id -> new ArrayList<>()).add(row));
        List<FailingPurchaseOrder> failing = new ArrayList<>();
        byPo.forEach((coupaId, snapshots) -> failing.add(failing(coupaId, snapshots)));
        failing.sort(Comparator.comparing(FailingPurchaseOrder::failureClass)
            .thenComparing(po -> po.poNumber() == null ? "" : po.poNumber()));
        return failing;
    }

    /**
     * How many of the snapshots a job execution handled last it left failing, by class: what the run's meters report
     * as its failures (a PO's later success in another run does not change what this run saw).
     */
    public Map<FailureClass, Long> countsIn(long jobExecutionId) {
        Map<FailureClass, Long> counts = new EnumMap<>(FailureClass.class);
        jdbc.query("SELECT f.OUTCOME, COUNT(*) AS SNAPSHOTS FROM EXPORT_LEDGER f WHERE f.JOB_EXECUTION_ID = ? AND "
                + FAILING + " GROUP BY f.OUTCOME", rs -> {
                    counts.merge(classOf(rs.getString("OUTCOME")), rs.getLong("SNAPSHOTS"), Long::sum);
                }, jobExecutionId);
        return counts;
    }

    private static FailureClass classOf(String outcome) {
        return switch (outcome) {
            case "INVALID" -> FailureClass.PO_DATA;
            case "REJECTED" -> FailureClass.ERP_REFUSED;
            case "ERP_UNREACHABLE", "QUEUED" -> FailureClass.ERP_UNANSWERED;
            default -> FailureClass.COUPA_REFUSED;
        };
    }

    /** The latest snapshot fails as {@code stillFailing} counts it, or Coupa refused its report for good. */
    private static final String FAILING = "(f.OUTCOME IN ('REJECTED', 'INVALID', 'ERP_UNREACHABLE', 'COUPA_REFUSED') "
            + "OR f.OUTCOME IN ('ACCEPTED', 'BASELINED') AND f.COUPA_MARK = 'REFUSED' OR f.OUTCOME = 'QUEUED' AND f.VERDICT_PROBLEM "
            + "IS NOT NULL OR f.REPORT_FAILURE IS NOT NULL AND f.REPORT_ATTEMPTS >= " + ReportQueue.MAX_REFUSALS + ")";

    /** One ledger row of a failing PO, as far as the list needs it. */
    private record Snapshot(long coupaId, String poNumber, String outcome, String outcomeMessage, String coupaMark,
            String coupaMarkMessage, String verdictProblem, String reportFailure, int attempts,
            OffsetDateTime firstAttemptAt, OffsetDateTime lastAttemptAt) {
    }

    private static FailingPurchaseOrder failing(long coupaId, List<Snapshot> snapshots) {
        int since = 0;
        for (int i = 0; i < snapshots.size() - 1; i++) {
            // Since the ERP last held the PO: accepted, or taken as held by a baseline.
            if (LedgerOutcome.valueOf(snapshots.get(i).outcome()).erpHolds()) {
                since = i + 1;
            }
        }
        List<Snapshot> attempts = snapshots.subList(since, snapshots.size());
        Snapshot latest = snapshots.get(snapshots.size() - 1);
        OffsetDateTime first = attempts.stream().map(Snapshot::firstAttemptAt).min(Comparator.naturalOrder())
            .orElseThrow();
        int count = attempts.stream().mapToInt(Snapshot::attempts).sum();
        FailureClass failureClass = classOf(latest.outcome());
        String reason = switch (latest.outcome()) {
            case "QUEUED" -> latest.verdictProblem();
            case "ACCEPTED", "BASELINED" -> "REFUSED".equals(latest.coupaMark()) ? latest.coupaMarkMessage()
                    : "Coupa refused the report of its outcome: " + latest.reportFailure();
            default -> latest.outcomeMessage();
        };
        return new FailingPurchaseOrder(failureClass, coupaId, latest.poNumber(), first, latest.lastAttemptAt(), count,
                reason);
    }
}
