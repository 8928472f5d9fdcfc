package io.github.coupapoexport.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;

/** Executions, failing POs and a reconciliation as the job repository and the ledger could hold them. */
final class ReportSamples {

    static final Instant GENERATED = Instant.parse("2026-12-02T13:05:00Z");

    /** What an ERP's message might hold when someone typed markup into a Coupa field it echoes. */
    static final String HOSTILE_REASON = "Supplier <script>document.title='owned'</script><img src=x "
            + "onerror=\"document.title='owned'\"> & \"B\" is blocked";

    private static final LocalDateTime DAY = LocalDateTime.of(2026, 12, 1, 6, 0);

    private ReportSamples() {
    }

    /** Execution {@code id}, started {@code id} days after the first, with these counts. */
    static RunRow run(long id, String status, long exported, long failed, long skipped, long queued, long calls) {
        LocalDateTime start = DAY.plusDays(id);
        long read = exported + failed + skipped + queued;
        Integer exit = status.equals("COMPLETED") ? (failed > 0 ? 3 : 0) : 1;
        String exitStatus = exit == 3 ? "COMPLETED_WITH_REJECTIONS" : status;
        return new RunRow(id, status, start, start.plusSeconds(4).plusNanos(200_000_000), read, exported, failed,
                skipped, queued, OptionalLong.of(calls), exitStatus, exit);
    }

    static FailingPurchaseOrder failing(FailureClass failureClass, long coupaId, String poNumber, String reason) {
        OffsetDateTime first = OffsetDateTime.of(2026, 12, 1, 6, 0, 3, 0, ZoneOffset.UTC);
        return new FailingPurchaseOrder(failureClass, coupaId, poNumber, first, first.plusDays(1), 2, reason);
    }

    /** Three runs, newest first, two failing POs (one with a hostile reason), and no reconciliation. */
    static ReportData threeRuns() {
        return new ReportData(GENERATED, List.of(run(3, "COMPLETED", 4, 1, 0, 0, 9),
                run(2, "FAILED", 10, 0, 1, 2, 20), run(1, "COMPLETED", 27, 2, 0, 0, 61)),
                List.of(failing(FailureClass.PO_DATA, 2, "4826", "PO 4826: the supplier has no supplier number"),
                        failing(FailureClass.ERP_REFUSED, 3, "<b>4827</b>", HOSTILE_REASON)),
                Optional.empty());
    }

    static ReconciliationView reconciliation() {
        Map<String, Integer> kinds = new LinkedHashMap<>();
        kinds.put("missing in ERP", 2);
        kinds.put("amount differs", 1);
        return new ReconciliationView(Instant.parse("2026-12-02T05:30:00Z"), "2026-11-01", 120, kinds,
                List.of("PO 4830: missing in ERP", "PO 4831: missing in ERP",
                        "PO 4832: amount differs: Coupa 400.00, ERP 40.00 <i>sic</i>"));
    }

    static ReportData with(ReportData data, ReconciliationView reconciliation) {
        return new ReportData(data.generatedAt(), data.executions(), data.failures(), Optional.of(reconciliation));
    }
}
