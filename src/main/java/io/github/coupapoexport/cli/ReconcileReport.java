package io.github.coupapoexport.cli;

import java.io.PrintStream;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.coupapoexport.ledger.ReconciliationSummary.Difference;
import io.github.coupapoexport.ledger.ReconciliationSummary.Kind;
import io.github.coupapoexport.ledger.ReconciliationSummary;
import io.github.coupapoexport.report.ReconciliationView;

/**
 * A reconciliation as {@code reconcile} prints it: a table of the POs that differ and a summary line for a person,
 * or one JSON object ({@code --json}) for a script.
 */
class ReconcileReport {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private static final String ROW = "  %-14s  %10s  %-14s  %-16s  %-7s  %-10s  %s%n";

    private final ReconciliationSummary summary;

    ReconcileReport(ReconciliationSummary summary) {
        this.summary = summary;
    }

    void print(PrintStream out, ExitCode exitCode) {
        if (!summary.erpRead()) {
            out.println("coupa-po-export: the ERP adapter cannot read the ERP (for REST, set erp.lookup-path): Coupa "
                    + "was compared with the ledger only");
        }
        if (!summary.agrees()) {
            out.printf(ROW, "po", "coupa-id", "kind", "coupa", "ledger", "erp", "fix");
            for (Difference difference : summary.differences()) {
                out.printf(ROW, difference.poNumber() == null ? "-" : difference.poNumber(), difference.coupaId(),
                        label(difference.kind()), "v" + text(difference.coupaVersion()) + " "
                                + text(difference.coupaStatus()), difference.ledgerVersion() == null ? "none"
                                : "v" + difference.ledgerVersion(), difference.erpHolds() == null ? "not read"
                                : difference.erpHolds(), fix(difference));
            }
        }
        out.println("coupa-po-export: reconcile since=" + ISO.format(summary.since()) + " exported-in-coupa="
                + summary.exportedInCoupa() + " not-in-erp=" + summary.count(Kind.NOT_IN_ERP) + " not-exported="
                + summary.count(Kind.NOT_EXPORTED) + " newer-in-coupa=" + summary.count(Kind.NEWER_IN_COUPA)
                + " erp=" + (summary.erpRead() ? "read" : "not-read") + " fix=" + summary.fix() + " coupa-calls="
                + summary.coupaCalls() + " exit=" + exitCode.code());
    }

    void printJson(PrintStream out, ExitCode exitCode) {
        out.println(ReportFormats.json(new Json(ISO.format(summary.since()), summary.erpRead(), summary.fix(),
                summary.exportedInCoupa(), summary.count(Kind.NOT_IN_ERP), summary.count(Kind.NOT_EXPORTED),
                summary.count(Kind.NEWER_IN_COUPA), summary.coupaCalls(), summary.differences().stream()
                    .map(difference -> new Row(difference.poNumber(), difference.coupaId(), label(difference.kind()),
                            difference.coupaVersion(), difference.coupaStatus(), difference.ledgerVersion(),
                            difference.erpHolds(), difference.fix().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            difference.fixMessage()))
                    .toList(), exitCode.code())));
    }

    /** The reconciliation as the HTML report shows it ({@code report}): counts by kind, and one line per PO. */
    ReconciliationView view() {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            byKind.put(label(kind), (int) summary.count(kind));
        }
        List<String> lines = summary.differences().stream()
            .map(difference -> "PO " + (difference.poNumber() == null ? "-" : difference.poNumber()) + " (Coupa id "
                    + difference.coupaId() + "): " + label(difference.kind()) + "; Coupa v"
                    + text(difference.coupaVersion()) + " " + text(difference.coupaStatus()) + ", ledger "
                    + (difference.ledgerVersion() == null ? "none" : "v" + difference.ledgerVersion()) + ", ERP "
                    + (difference.erpHolds() == null ? "not read" : difference.erpHolds()) + "; " + fix(difference))
            .toList();
        return new ReconciliationView(summary.finishedAt(), ISO.format(summary.since())
                + (summary.erpRead() ? "" : " (ERP not read: Coupa against the ledger only)"), summary.exportedInCoupa(),
                byKind, lines);
    }

    /** The whole reconciliation as {@code --json} writes it. */
    record Json(String since, boolean erpRead, boolean fix, int exportedInCoupa, long notInErp, long notExported,
            long newerInCoupa, long coupaCalls, List<Row> differences, int exit) {
    }

    /** One PO that differs as {@code --json} writes it; {@code erp} is null when the ERP was not read. */
    record Row(String po, long coupaId, String kind, Integer coupaVersion, String coupaStatus, Integer ledgerVersion,
            String erp, String fix, String fixMessage) {
    }

    /** {@code not-in-erp}, {@code not-exported}, {@code newer-in-coupa}. */
    static String label(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static String fix(Difference difference) {
        return switch (difference.fix()) {
            case NONE -> difference.putBackSafely() ? "--fix puts it back"
                    : difference.kind().unmarkedByFix() ? "--fix leaves it to a person" : "the next run marks it";
            case UNMARKED -> "put back: the next run sends it";
            case NEXT_RUN -> "the next run marks it";
            case REFUSED, BY_HAND -> difference.fixMessage();
        };
    }

    private static String text(Object value) {
        return value == null ? "?" : String.valueOf(value);
    }
}
