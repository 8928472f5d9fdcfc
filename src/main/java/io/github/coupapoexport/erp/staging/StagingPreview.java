package io.github.coupapoexport.erp.staging;

import java.util.Map;

/**
 * The rows a delivery would write, for a person to read ({@code --dry-run}): each row's table, then each column with
 * its value; the ids that link rows are named, since only the database gives them.
 */
final class StagingPreview {

    private StagingPreview() {
    }

    static String rows(StagingSql sql, StagingLayout layout, StagedPurchaseOrder staged, String storedKey) {
        StringBuilder text = new StringBuilder("-- PO ").append(staged.poNumber()).append(": one transaction; nothing"
                + " is written when a row under key ").append(storedKey).append(" is pending or accepted, and a"
                + " rejected one is followed by ").append(storedKey).append("#2 ...\n");
        row(text, layout, sql.insert(StagingTable.HEADERS, staged.header(), Map.of("key", storedKey)));
        for (StagedPurchaseOrder.StagedLine line : staged.lines()) {
            row(text, layout, sql.insert(StagingTable.LINES, line.values(), Map.of("header-id", "<header's id>")));
            for (Map<String, Object> distribution : line.distributions()) {
                row(text, layout, sql.insert(StagingTable.DISTRIBUTIONS, distribution, Map.of("header-id",
                        "<header's id>", "line-id", "<line " + line.lineNumber() + "'s id>")));
            }
        }
        return text.toString();
    }

    private static void row(StringBuilder text, StagingLayout layout, StagingSql.Insert insert) {
        text.append(layout.table(insert.table())).append('\n');
        String id = layout.column(insert.table(), "id");
        String createdAt = layout.column(insert.table(), "created-at");
        for (String column : insert.columns()) {
            Object value;
            if (insert.values().containsKey(column)) {
                value = insert.values().get(column);
            }
            else if (column.equals(id)) {
                value = layout.idExpression(insert.table());
            }
            else {
                value = column.equals(createdAt) ? "CURRENT_TIMESTAMP" : "";
            }
            text.append("  ").append(column).append(" = ").append(value).append('\n');
        }
        if (id != null && layout.idExpression(insert.table()) == null) {
            text.append("  ").append(id).append(" = <given by the database>\n");
        }
    }
}
