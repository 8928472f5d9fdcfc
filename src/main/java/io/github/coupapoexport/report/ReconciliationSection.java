package io.github.coupapoexport.report;

import java.time.ZoneOffset;
import java.util.Optional;

/** The last comparison of Coupa with the ERP: when, over what, how many differences of each kind, and which. */
final class ReconciliationSection {

    /** A page that opens fast even after a reconciliation that found everything missing. */
    static final int LINES_SHOWN = 200;

    private ReconciliationSection() {
    }

    static void append(StringBuilder html, Optional<ReconciliationView> last) {
        html.append("<section id=\"reconciliation\">\n<h2>Last reconciliation</h2>\n");
        if (last.isEmpty()) {
            html.append("<p class=\"empty\">No reconciliation has run yet.</p>\n</section>\n");
            return;
        }
        ReconciliationView reconciliation = last.get();
        html.append("<p class=\"meta\" id=\"reconciliation-summary\">Finished ")
            .append(Html.TABLE_TIME.format(reconciliation.finishedAt().atOffset(ZoneOffset.UTC)))
            .append(" UTC; compared ").append(reconciliation.compared()).append(" POs since ")
            .append(Html.text(reconciliation.since())).append("; found ").append(reconciliation.differences())
            .append(reconciliation.differences() == 1 ? " difference" : " differences").append(".</p>\n");
        if (!reconciliation.differencesByKind().isEmpty()) {
            html.append("<table id=\"differences-by-kind\">\n<thead><tr><th>difference</th><th>POs</th></tr></thead>\n"
                    + "<tbody>\n");
            reconciliation.differencesByKind().forEach((kind, count) -> html.append("<tr><td>").append(Html.text(kind))
                .append("</td><td class=\"number\">").append(count).append("</td></tr>\n"));
            html.append("</tbody>\n</table>\n");
        }
        if (!reconciliation.lines().isEmpty()) {
            html.append("<ul id=\"differences\">\n");
            reconciliation.lines().stream().limit(LINES_SHOWN)
                .forEach(line -> html.append("<li>").append(Html.text(line)).append("</li>\n"));
            html.append("</ul>\n");
            if (reconciliation.lines().size() > LINES_SHOWN) {
                html.append("<p class=\"hint\">and ").append(reconciliation.lines().size() - LINES_SHOWN)
                    .append(" more, which the reconciliation's own output lists.</p>\n");
            }
        }
        html.append("</section>\n");
    }
}
