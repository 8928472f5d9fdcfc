package io.github.coupapoexport.report;

import java.time.ZoneOffset;
import java.util.List;

/**
 * The report as one HTML page that needs nothing else: its style inline, its chart inline SVG, no script, no font, no
 * image from anywhere. Its Content-Security-Policy forbids loading anything, so that a page opened from a mail
 * attachment cannot reach out even if some text escaped escaping.
 */
public final class HtmlReport {

    /** Nothing may be loaded; only the page's own style element and inline attributes apply. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private static final String STYLE = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
              margin: 24px; color: #1f2933; background: #fff; max-width: 1150px; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 19px; margin: 28px 0 8px; border-bottom: 1px solid #d9e2ec; padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 16px 0 4px; }
            p.meta, p.hint, p.empty { color: #52606d; margin: 4px 0 8px; }
            ul.summary { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 12px; }
            ul.summary li { border: 1px solid #d9e2ec; border-radius: 6px; padding: 8px 12px; }
            ul.summary strong { display: block; font-size: 18px; }
            table { border-collapse: collapse; font-size: 13px; margin: 4px 0 8px; }
            th, td { border: 1px solid #d9e2ec; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f0f4f8; }
            td.number { text-align: right; font-variant-numeric: tabular-nums; }
            td.time, td.status { white-space: nowrap; }
            td.reason { max-width: 520px; overflow-wrap: anywhere; }
            .status { font-weight: 600; }
            .status-completed { color: #2e7d32; }
            .status-failed, .status-abandoned { color: #c62828; }
            .status-stopped, .status-stopping { color: #b26a00; }
            .status-started, .status-starting { color: #1565c0; }
            svg text { font-size: 12px; fill: #1f2933; }
            svg .grid { stroke: #e4e7eb; }
            svg .axis { stroke: #52606d; }
            svg .axis-title { fill: #52606d; }
            """;

    private HtmlReport() {
    }

    /** The whole page for this data. */
    public static String render(ReportData data) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY)
            .append("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .append("<title>coupa-po-export report</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
            .append("<body>\n<header>\n<h1>coupa-po-export report</h1>\n<p class=\"meta\" id=\"generated\">Generated ")
            .append(Html.text(Html.TABLE_TIME.format(data.generatedAt().atOffset(ZoneOffset.UTC)))).append(" UTC ")
            .append("from the job repository and the export ledger.</p>\n");
        summary(html, data);
        html.append("</header>\n");
        executions(html, data.executions());
        html.append("<section id=\"chart\">\n<h2>POs per run by outcome</h2>\n").append(RunChart.svg(data.executions()))
            .append("\n</section>\n");
        FailureSection.append(html, data.failures());
        ReconciliationSection.append(html, data.lastReconciliation());
        return html.append("</body>\n</html>\n").toString();
    }

    private static void summary(StringBuilder html, ReportData data) {
        html.append("<ul class=\"summary\">\n<li id=\"summary-last-run\">Last run<strong>");
        if (data.executions().isEmpty()) {
            html.append("none yet");
        }
        else {
            RunRow last = data.executions().get(0);
            html.append('#').append(last.execution()).append(' ').append(Html.text(last.status()))
                .append(last.exit() == null ? "" : ", exit " + last.exit());
        }
        html.append("</strong></li>\n<li id=\"summary-failing\">Failing POs<strong>").append(data.failures().size())
            .append("</strong></li>\n<li id=\"summary-reconciliation\">Last reconciliation<strong>")
            .append(data.lastReconciliation()
                .map(reconciliation -> reconciliation.differences() + " differences")
                .orElse("none yet"))
            .append("</strong></li>\n</ul>\n");
    }

    private static void executions(StringBuilder html, List<RunRow> executions) {
        html.append("<section id=\"executions\">\n<h2>Last executions</h2>\n");
        if (executions.isEmpty()) {
            html.append("<p class=\"empty\">No executions yet: the export has not run against this job repository."
                    + "</p>\n</section>\n");
            return;
        }
        html.append("<p class=\"hint\">Newest first; times are local, as the job repository keeps them. Calls per PO: "
                + "Coupa calls the run made for each PO it read.</p>\n<table id=\"executions-table\">\n<thead><tr>"
                + "<th>execution</th><th>status</th><th>start</th><th>end</th><th>duration</th><th>read</th>"
                + "<th>exported</th><th>failed</th><th>skipped</th><th>queued</th><th>Coupa calls</th>"
                + "<th>calls per PO</th><th>exit status</th><th>exit</th></tr></thead>\n<tbody>\n");
        for (RunRow run : executions) {
            html.append("<tr data-execution=\"").append(run.execution()).append("\"><td class=\"number\">")
                .append(run.execution()).append("</td><td class=\"status status-").append(Html.cssClass(run.status()))
                .append("\">").append(Html.text(run.status())).append("</td><td class=\"time\">")
                .append(run.start() == null ? "-" : Html.TABLE_TIME.format(run.start()))
                .append("</td><td class=\"time\">")
                .append(run.end() == null ? "-" : Html.TABLE_TIME.format(run.end())).append("</td>");
            number(html, run.duration());
            for (long count : new long[] {run.read(), run.exported(), run.failed(), run.skipped(), run.queued()}) {
                number(html, count);
            }
            number(html, run.coupaCalls().isPresent() ? run.coupaCalls().getAsLong() : "-");
            number(html, run.callsPerPo());
            html.append("<td>").append(Html.text(run.exitStatus())).append("</td>");
            number(html, run.exit() == null ? "-" : run.exit());
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static void number(StringBuilder html, Object value) {
        html.append("<td class=\"number\">").append(Html.text(value)).append("</td>");
    }
}
