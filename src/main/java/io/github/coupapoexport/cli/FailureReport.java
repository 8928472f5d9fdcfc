package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;

/**
 * The POs not in the ERP as far as the ledger knows, as {@code failures} prints them: grouped by class for a person,
 * or as JSON ({@code --json}) or CSV ({@code --csv}, RFC 4180) for a script or a spreadsheet.
 */
class FailureReport {

    /** For scripts: always with seconds ({@code toString()} drops {@code :00}, which strict parsers refuse). */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final List<FailingPurchaseOrder> failing;

    FailureReport(List<FailingPurchaseOrder> failing) {
        this.failing = failing;
    }

    void print(PrintStream out) {
        if (failing.isEmpty()) {
            out.println("coupa-po-export: no failing POs: every PO the ledger knows is in the ERP");
            return;
        }
        String group = null;
        for (FailingPurchaseOrder po : failing) {
            String failureClass = name(po);
            if (!failureClass.equals(group)) {
                out.printf("%n%s (%d)%n", failureClass, failing.stream().filter(other -> name(other)
                    .equals(failureClass)).count());
                out.printf("  %-14s  %-19s  %-19s  %8s  %s%n", "po", "first-attempt", "last-attempt", "attempts",
                        "last-reason");
                group = failureClass;
            }
            out.printf("  %-14s  %-19s  %-19s  %8d  %s%n", po.poNumber() == null ? "id " + po.coupaId()
                    : po.poNumber(), ReportFormats.TABLE_TIME.format(po.firstAttempt()),
                    ReportFormats.TABLE_TIME.format(po.lastAttempt()), po.attempts(),
                    po.lastReason() == null ? "-" : po.lastReason());
        }
    }

    void printJson(PrintStream out) {
        out.println(ReportFormats.json(failing.stream().map(po -> new Row(name(po), po.poNumber(), po.coupaId(),
                ISO.format(po.firstAttempt()), ISO.format(po.lastAttempt()), po.attempts(), po.lastReason()))
            .toList()));
    }

    void printCsv(PrintStream out) {
        out.print("class,po,coupa-id,first-attempt,last-attempt,attempts,last-reason\r\n");
        for (FailingPurchaseOrder po : failing) {
            out.print(String.join(",", name(po), csv(po.poNumber()), String.valueOf(po.coupaId()),
                    ISO.format(po.firstAttempt()), ISO.format(po.lastAttempt()), String.valueOf(po.attempts()),
                    csv(po.lastReason())) + "\r\n");
        }
    }

    /** One failing PO as {@code --json} writes it. */
    record Row(String failureClass, String po, long coupaId, String firstAttempt, String lastAttempt, int attempts,
            String lastReason) {
    }

    private static String name(FailingPurchaseOrder po) {
        return po.failureClass().label();
    }

    /** Whether any PO is failing: the exit code follows the list printed, not a second read of the ledger. */
    boolean anyFailing() {
        return !failing.isEmpty();
    }

    /**
     * A field quoted when it holds a comma, a quote or a line break, its quotes doubled (RFC 4180). A field a
     * spreadsheet would take for a formula (a PO number or an ERP's message starting with {@code = + - @}, a tab or
     * a carriage return) gets a leading {@code '} and quotes, as OWASP's "CSV Injection" advises.
     */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "\"'" + value.replace("\"", "\"\"") + "\"";
        }
        return value.matches("(?s).*[,\"\r\n].*") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
