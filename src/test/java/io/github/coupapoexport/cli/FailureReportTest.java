package io.github.coupapoexport.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code failures --csv}: what a spreadsheet opens must be data, never a formula it runs. */
class FailureReportTest {

    private static final OffsetDateTime FIRST = OffsetDateTime.parse("2026-12-01T08:00:00Z");

    /** The first and the last attempt, with their zero seconds. */
    private static final String TIMES = "2026-12-01T08:00:00Z,2026-12-01T08:00:00Z";

    @Test
    void csvFieldsASpreadsheetWouldRunAsAFormulaArePrefixedWithAQuote() {
        // given a PO number and an ERP message that start like formulas, and a message with a comma and a quote
        FailureReport report = new FailureReport(List.of(
                failing("=HYPERLINK(\"http://evil\",\"x\")", "-2+3"),
                failing("PO-2", "@SUM(A1) unknown supplier"),
                failing("PO-3", "unknown supplier \"ACME, Inc\"")));

        // when
        String csv = csv(report);

        // then each is a quoted text field, the formulas behind a leading quote
        assertThat(csv.split("\r\n")).containsExactly(
                "class,po,coupa-id,first-attempt,last-attempt,attempts,last-reason",
                "erp-refused,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",1," + TIMES + ",2,\"'-2+3\"",
                "erp-refused,PO-2,1," + TIMES + ",2,\"'@SUM(A1) unknown supplier\"",
                "erp-refused,PO-3,1," + TIMES + ",2,\"unknown supplier \"\"ACME, Inc\"\"\"");
        assertThat(report.anyFailing()).isTrue();
    }

    @Test
    void emptyListIsNotFailing() {
        assertThat(new FailureReport(List.of()).anyFailing()).isFalse();
    }

    private static FailingPurchaseOrder failing(String poNumber, String reason) {
        return new FailingPurchaseOrder(FailureClass.ERP_REFUSED, 1, poNumber, FIRST, FIRST, 2, reason);
    }

    private static String csv(FailureReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printCsv(new PrintStream(bytes, true, UTF_8));
        return bytes.toString(UTF_8);
    }
}
