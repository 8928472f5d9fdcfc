package io.github.coupapoexport.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailingPurchaseOrder;
import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;

/** The POs not in the ERP, by class, as {@code failures} lists them, with who fixes each class and how to retry. */
final class FailureSection {

    private FailureSection() {
    }

    static void append(StringBuilder html, List<FailingPurchaseOrder> failures) {
        html.append("<section id=\"failures\">\n<h2>Current failures by class</h2>\n");
        if (failures.isEmpty()) {
            html.append("<p class=\"empty\">No failing POs: every PO the ledger knows is in the ERP.</p>\n"
                    + "</section>\n");
            return;
        }
        Map<FailureClass, List<FailingPurchaseOrder>> byClass = new LinkedHashMap<>();
        for (FailureClass failureClass : FailureClass.values()) {
            List<FailingPurchaseOrder> ofClass = failures.stream()
                .filter(po -> po.failureClass() == failureClass)
                .toList();
            if (!ofClass.isEmpty()) {
                byClass.put(failureClass, ofClass);
            }
        }
        html.append("<p class=\"hint\">Every PO whose latest attempt failed, as <code>failures</code> lists them. "
                + "After the fix, <code>retry --class=CLASS</code> sends a class again.</p>\n");
        byClass.forEach((failureClass, pos) -> {
            html.append("<h3 id=\"class-").append(failureClass.label()).append("\">").append(failureClass.label())
                .append(" (").append(pos.size()).append(")</h3>\n<p class=\"hint\">").append(meaning(failureClass))
                .append("</p>\n<table class=\"failures\" data-class=\"").append(failureClass.label())
                .append("\">\n<thead><tr><th>PO</th><th>Coupa id</th><th>first attempt</th><th>last attempt</th>"
                        + "<th>attempts</th><th>last reason</th></tr></thead>\n<tbody>\n");
            for (FailingPurchaseOrder po : pos) {
                html.append("<tr><td class=\"po\">").append(Html.text(po.poNumber()))
                    .append("</td><td class=\"number\">")
                    .append(po.coupaId()).append("</td><td class=\"time\">")
                    .append(Html.TABLE_TIME.format(po.firstAttempt())).append("</td><td class=\"time\">")
                    .append(Html.TABLE_TIME.format(po.lastAttempt()))
                    .append("</td><td class=\"number\">").append(po.attempts()).append("</td><td class=\"reason\">")
                    .append(Html.text(po.lastReason())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        });
        html.append("</section>\n");
    }

    /** What the class means and who acts on it, in the words of {@link FailureClass}. */
    private static String meaning(FailureClass failureClass) {
        return switch (failureClass) {
            case PO_DATA -> "The mapping refused the PO's data: a buyer fixes it in Coupa.";
            case ERP_REFUSED -> "The ERP refused the document: its message says what to fix, in Coupa or in the ERP.";
            case ERP_UNANSWERED -> "The ERP never answered, or its verdict on a queued PO cannot be read or is "
                    + "overdue.";
            case COUPA_REFUSED -> "Coupa refused to mark the PO exported, or the report of its outcome.";
        };
    }
}
