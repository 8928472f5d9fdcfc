package io.github.coupapoexport.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.coupapoexport.erp.staging.StagingErpTables;

/**
 * Staging tables in the sandbox ({@code --erp.type=staging-tables}): our own tables in an H2 file under
 * {@code target/sandbox/}, and the ERP's import program, which runs after each day's export, as an ERP's nightly
 * import would: it rejects the blocked supplier and accepts the rest. The job reads its verdicts the next day.
 */
final class SandboxStagingErp implements SandboxErp {

    private static final Set<String> KNOWN_SUPPLIERS = Set.of("SUP-0077", "SUP-0012", "SUP-0140", "SUP-0211",
            "SUP-0305", "SUP-0450");

    /** The sandbox's units after the value maps; an amount line has none ("null"). */
    private static final Set<String> KNOWN_UNITS = Set.of("EA", "BX", "BOX", "KG", "KGM", "each", "box", "null");

    private final String url;

    private final StagingErpTables tables;

    SandboxStagingErp(Path folder) {
        url = "jdbc:h2:file:./" + folder.resolve("erp-staging") + ";AUTO_SERVER=TRUE";
        tables = new StagingErpTables(url, "h2.sql", KNOWN_SUPPLIERS, KNOWN_UNITS);
    }

    @Override
    public List<String> settings() {
        return List.of("--erp.staging-tables.url=" + url);
    }

    @Override
    public boolean decidesLater() {
        return true;
    }

    @Override
    public void beforeRun() {
        // The tables keep every row: each day prints them all, with the ERP's verdicts.
    }

    @Override
    public void printAfterRun() {
        System.out.println("The staging tables hold (before the ERP's import):");
        print();
        tables.importPending();
        System.out.println("The ERP's import program ran; the job reads its verdicts on its next run:");
        print();
    }

    @Override
    public void stop() {
        // The H2 file closes with its last connection.
    }

    private static String amount(Object total) {
        return total == null ? "-" : new BigDecimal(total.toString()).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private void print() {
        for (Map<String, Object> header : tables.headers()) {
            System.out.printf("  header %-3s PO %-5s rev %s %-6s %-8s %s %9s, %s line(s), %s distribution(s)  %-8s %s%n",
                    header.get("HEADER_ID"), header.get("PO_NUMBER"), header.get("REVISION"), header.get("ACTION"),
                    header.get("SUPPLIER_NUMBER"), header.get("CURRENCY"), amount(header.get("TOTAL")),
                    header.get("LINES"), header.get("DISTRIBUTIONS"),
                    header.get("STATUS"), header.get("ERP_DOCUMENT_ID") == null ? ""
                            : "as " + header.get("ERP_DOCUMENT_ID"));
            tables.errors(header.get("HEADER_ID")).forEach(error -> System.out.println("      error: " + error));
        }
    }
}
