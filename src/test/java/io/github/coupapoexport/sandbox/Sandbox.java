package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.CoupaPoExportApplication;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./mvnw spring-boot:test-run}: the real export job against a fake Coupa holding thirty realistic POs and a
 * fake ERP, on the default H2 job repository (kept under {@code target/sandbox}). It runs twice, as a scheduler
 * would on two days, with buyers changing POs in between, and prints what the ERP and Coupa received.
 */
public final class Sandbox {

    private Sandbox() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of("target", "sandbox");
        deleteRecursively(folder);
        FakeCoupa coupa = new FakeCoupa();
        FakeErp erp = new FakeErp();
        coupa.startServer();
        erp.startServer();
        int worst = 0;
        try {
            coupa.add(SandboxPurchaseOrders.firstDay().toArray(CoupaPo[]::new));
            erp.rejectSupplier(SandboxPurchaseOrders.BLOCKED_SUPPLIER,
                    "Supplier " + SandboxPurchaseOrders.BLOCKED_SUPPLIER + " is blocked for purchasing in the ERP");
            List<String> arguments = coupa.settingsFor(erp);
            arguments.addAll(List.of(
                    "--spring.datasource.url=jdbc:h2:file:./" + folder.resolve("coupa-po-export") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                    "--logging.level.org.springframework.batch=WARN",
                    "--spring.main.log-startup-info=false"));
            arguments.addAll(List.of(args));

            banner("Day 1: 30 POs in Coupa (new, a draft, one already exported, one without a supplier number, "
                    + "one for a supplier the ERP blocks)");
            worst = Math.max(worst, run(arguments, coupa, erp));

            SandboxPurchaseOrders.buyersChangeTheirPos(coupa);
            banner("Day 2: buyers changed PO 4821 (new version, line 2 deleted, line 3 removed, line 4 added), "
                    + "cancelled 4822, closed 4823, and added the supplier number to 4826");
            worst = Math.max(worst, run(arguments, coupa, erp));
        }
        finally {
            coupa.stopServer();
            erp.stopServer();
        }
        // Exit 3 (a PO rejected, recorded, coming back) is the expected outcome here; anything worse is not.
        System.exit(worst <= 3 ? 0 : worst);
    }

    private static int run(List<String> arguments, FakeCoupa coupa, FakeErp erp) {
        coupa.server().resetRequests();
        erp.server().resetRequests();
        int exitCode = CoupaPoExportApplication.run(arguments.toArray(String[]::new));
        System.out.println();
        System.out.println("Exit code " + exitCode + ". The ERP received:");
        for (Received received : erp.received()) {
            System.out.println("  " + describe(received));
        }
        List<String> marked = coupa.server().getAllServeEvents().stream()
            .filter(event -> event.getRequest().getMethod().getName().equals("PUT"))
            .filter(event -> event.getRequest().getUrl().startsWith("/api/purchase_orders/")
                    && event.getRequest().getUrl().contains("exported=true"))
            .map(ServeEvent::getRequest)
            .map(request -> request.getUrl().split("\\?")[0].replace("/api/purchase_orders/", ""))
            .sorted()
            .toList();
        System.out.println("Coupa marked exported: " + (marked.isEmpty() ? "none" : String.join(", ", marked)));
        printMonitoring(coupa);
        return exitCode;
    }

    /** What Coupa's integration monitoring shows after the run: the run, the open records, what was resolved. */
    private static void printMonitoring(FakeCoupa coupa) {
        System.out.println("Coupa integration monitoring:");
        for (Map<String, Object> run : coupa.integrationRuns()) {
            System.out.printf("  integration run %s (%s): %s, total-records %s, records-processed %s%n", run.get("id"),
                    run.get("integration-code"), run.get("status"), run.get("total-records"), run.get("records-processed"));
        }
        long successes = coupa.historyRecords().stream()
            .filter(record -> "Success".equals(record.get("status")) && Boolean.FALSE.equals(record.get("resolved")))
            .count();
        long resolved = coupa.historyRecords().stream().filter(record -> Boolean.TRUE.equals(record.get("resolved"))).count()
                + coupa.integrationErrors().stream().filter(error -> Boolean.TRUE.equals(error.get("resolved"))).count();
        System.out.printf("  history records: %d open successes, %d earlier records resolved%n", successes, resolved);
        for (Map<String, Object> record : coupa.historyRecords()) {
            if ("Error".equals(record.get("status")) && Boolean.FALSE.equals(record.get("resolved"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> response = ((List<Map<String, Object>>) record.get("responses")).get(0);
                System.out.printf("  open error history record, PO id %s, alert to %s contacts: %s %s%n",
                        record.get("document-id"), record.get("contact-alert-type"), response.get("response-code"),
                        response.get("response-message"));
            }
        }
        coupa.statusFields().forEach((id, value) -> System.out.printf("  PO id %s %s: %s%n", id,
                FakeCoupa.STATUS_FIELD, value));
        for (Map<String, Object> error : coupa.integrationErrors()) {
            if (Boolean.FALSE.equals(error.get("resolved"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> response = ((List<Map<String, Object>>) error.get("responses")).get(0);
                System.out.printf("  open integration error of run %s, PO id %s, alert to %s contacts: %s %s%n",
                        error.get("integration-run-id"), error.get("document-id"), error.get("contact-alert-type"),
                        response.get("response-code"), response.get("response-message"));
            }
        }
    }

    private static String describe(Received received) {
        JsonNode document = received.document();
        long deleted = 0;
        long live = 0;
        for (JsonNode line : document.get("lines")) {
            if (line.get("deleted").asBoolean()) {
                deleted++;
            }
            else {
                live++;
            }
        }
        String answer = received.status() == FakeErp.Received.NO_ANSWER ? "no answer" : "HTTP " + received.status();
        return String.format("PO %-5s rev %d %-6s %-8s %s %10s, %d line(s)%s  -> %s   [Idempotency-Key %s]",
                received.poNumber(), document.get("revision").asInt(), received.action(),
                document.get("supplier").get("number").asString(), document.get("currency").asString(),
                document.get("total").asString(), live, deleted == 0 ? "" : " + " + deleted + " deleted", answer,
                received.idempotencyKey());
    }

    private static void banner(String text) {
        System.out.println();
        System.out.println("=== " + text);
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
