package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.CoupaPoExportApplication;
import io.github.coupapoexport.erp.ErpProperties;

/**
 * {@code ./mvnw spring-boot:test-run}: the real export job against a fake Coupa holding thirty realistic POs and a
 * fake ERP, on the default H2 job repository (kept under {@code target/sandbox}). It runs twice, as a scheduler
 * would on two days, with buyers changing POs in between, and prints what the ERP and Coupa received. The ERP is
 * the REST contract's, or with {@code -Dspring-boot.run.arguments=--erp.type=sap-s4hana} a fake SAP S/4HANA. Then
 * {@code failures} lists what the ledger counts as failing, {@code reconcile --fix} finds a PO marked exported by
 * hand, and {@code report} writes the page of these runs to {@code target/sandbox/coupa-po-export-report.html},
 * which {@code report.ReportScreenshot} turns into the README's picture.
 */
public final class Sandbox {

    /** The report of the sandbox's runs, in its folder. */
    public static final String REPORT = "coupa-po-export-report.html";

    /** The PO of the supplier every sandbox ERP refuses: never accepted, so a mark by hand is a difference. */
    private static final long BLOCKED_BY_THE_ERP = 4827;

    private Sandbox() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of("target", "sandbox");
        deleteRecursively(folder);
        FakeCoupa coupa = new FakeCoupa();
        coupa.startServer();
        SandboxErp erp = List.of(args).contains("--erp.type=" + ErpProperties.SAP_S4HANA) ? new SandboxSapErp()
                : List.of(args).contains("--erp.type=" + ErpProperties.STAGING_TABLES) ? new SandboxStagingErp(folder)
                : new SandboxRestErp();
        int worst = 0;
        try {
            coupa.add(SandboxPurchaseOrders.firstDay().toArray(CoupaPo[]::new));
            List<String> arguments = new ArrayList<>(List.of("--coupa.base-url=" + coupa.baseUrl(),
                    "--coupa.client-id=" + FakeCoupa.CLIENT_ID, "--coupa.client-secret=" + FakeCoupa.CLIENT_SECRET,
                    "--coupa.monitoring.integration-code=" + FakeCoupa.INTEGRATION_CODE));
            arguments.addAll(erp.settings());
            arguments.addAll(List.of(
                    "--spring.datasource.url=jdbc:h2:file:./" + folder.resolve("coupa-po-export") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                    "--logging.level.org.springframework.batch=WARN",
                    "--spring.main.log-startup-info=false"));
            arguments.addAll(List.of(args));

            banner("Day 1: 30 POs in Coupa (new, a draft, one already exported, one without a supplier number, "
                    + "one for supplier " + SandboxPurchaseOrders.BLOCKED_SUPPLIER
                    + ", which the REST fake ERP blocks)");
            worst = worse(worst, run(arguments, coupa, erp));

            SandboxPurchaseOrders.buyersChangeTheirPos(coupa);
            banner("Day 2: buyers changed PO 4821 (new version, line 2 deleted, line 3 removed, line 4 added), "
                    + "cancelled 4822, closed 4823, and added the supplier number to 4826");
            worst = worse(worst, run(arguments, coupa, erp));
            if (erp.decidesLater()) {
                banner("Day 3: the job reads the ERP's verdicts on day 2's rows");
                worst = worse(worst, run(arguments, coupa, erp));
            }
            banner("The POs not in the ERP as far as the ledger knows, by class (failures)");
            worst = worse(worst, command(arguments, "failures"));
            coupa.purchaseOrder(BLOCKED_BY_THE_ERP).put("exported", true);
            banner("An AP clerk marked PO " + BLOCKED_BY_THE_ERP + " exported by hand in Coupa, though the ERP never "
                    + "accepted it: reconcile finds it; --fix puts it back only where it knows the ERP lacks it");
            worst = worse(worst, command(arguments, "reconcile", "--since=2026-01-01", "--fix"));
            banner("The report of these runs, from the job repository alone (report --out=FILE.html)");
            worst = worse(worst, command(arguments, "report", "--out=" + folder.resolve(REPORT)));
        }
        finally {
            coupa.stopServer();
            erp.stop();
        }
        // Exit 3 (a PO rejected, recorded, coming back) is the expected outcome here; any other failure is not (exit
        // 2, bad settings, is numerically smaller but worse).
        System.exit(worst == 0 || worst == 3 ? 0 : worst);
    }

    /** The exit code that says more is wrong: any but 0 and 3 over those two, 3 over 0. */
    private static int worse(int worst, int exitCode) {
        return worst != 0 && worst != 3 ? worst : exitCode == 0 ? worst : exitCode;
    }

    /** A command other than the export, with the sandbox's settings. */
    private static int command(List<String> arguments, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        line.addAll(arguments);
        return CoupaPoExportApplication.run(line.toArray(String[]::new));
    }

    private static int run(List<String> arguments, FakeCoupa coupa, SandboxErp erp) {
        coupa.server().resetRequests();
        erp.beforeRun();
        int exitCode = CoupaPoExportApplication.run(arguments.toArray(String[]::new));
        System.out.println();
        System.out.print("Exit code " + exitCode + ". ");
        erp.printAfterRun();
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
