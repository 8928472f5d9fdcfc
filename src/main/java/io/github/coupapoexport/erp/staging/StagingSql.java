package io.github.coupapoexport.erp.staging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Every statement the adapter runs, built from the layout once per row. Nothing is quoted: table and column names
 * are configuration, checked as plain names, and every value is a parameter.
 */
final class StagingSql {

    private final StagingLayout layout;

    StagingSql(StagingLayout layout) {
        this.layout = layout;
    }

    /**
     * One row to insert: its table, the statement, every column it fills and, in order, each parameter's column with
     * its value.
     */
    record Insert(StagingTable table, String sql, List<String> columns, Map<String, Object> values) {

        Object[] parameters() {
            return values.values().toArray();
        }
    }

    /**
     * The insert of one row: the id from the table's expression (or left to the column), the fields the layout has
     * a column for, the table's constants and the time it was written.
     *
     * @param links the ids that link the row ({@code header-id}, {@code line-id}) and the header's {@code key}
     */
    Insert insert(StagingTable table, Map<String, Object> values, Map<String, Object> links) {
        List<String> columns = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        String idExpression = layout.idExpression(table);
        if (idExpression != null) {
            columns.add(layout.column(table, "id"));
            placeholders.add(idExpression);
        }
        for (String field : table.fields()) {
            Object value = links.containsKey(field) ? links.get(field) : values.get(field);
            String column = layout.column(table, field);
            if (value != null && column != null && !field.equals("id") && !field.equals("created-at")) {
                columns.add(column);
                placeholders.add("?");
                parameters.put(column, value);
            }
        }
        layout.constants().get(table).forEach((column, value) -> {
            columns.add(column);
            placeholders.add("?");
            parameters.put(column, value);
        });
        String createdAt = layout.column(table, "created-at");
        if (createdAt != null) {
            columns.add(createdAt);
            placeholders.add("CURRENT_TIMESTAMP");
        }
        String sql = "INSERT INTO " + layout.table(table) + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", placeholders) + ")";
        return new Insert(table, sql, List.copyOf(columns), Collections.unmodifiableMap(parameters));
    }

    /** The header rows of a key and of its later attempts ({@code key#2} ...): id, stored key, status, ERP id. */
    String attempts() {
        return "SELECT " + column(StagingTable.HEADERS, "id") + ", " + column(StagingTable.HEADERS, "key") + ", "
                + column(StagingTable.HEADERS, "status") + ", " + orNull(StagingTable.HEADERS, "erp-document-id", "")
                + " FROM " + layout.table(StagingTable.HEADERS) + " WHERE " + column(StagingTable.HEADERS, "key")
                + " = ? OR " + column(StagingTable.HEADERS, "key") + " LIKE ? ESCAPE '!'";
    }

    /** The id of the header just written under its stored key. */
    String headerId() {
        return "SELECT " + column(StagingTable.HEADERS, "id") + " FROM " + layout.table(StagingTable.HEADERS)
                + " WHERE " + column(StagingTable.HEADERS, "key") + " = ?";
    }

    /** The id of the line just written, by its header and number. */
    String lineId() {
        return "SELECT " + column(StagingTable.LINES, "id") + " FROM " + layout.table(StagingTable.LINES) + " WHERE "
                + column(StagingTable.LINES, "header-id") + " = ? AND " + column(StagingTable.LINES, "line-number")
                + " = ?";
    }

    /**
     * Every error row of a header, oldest first, with the number of the line it names (none for the header): the
     * errors table's constants select this import's rows.
     */
    String errors() {
        StringBuilder sql = new StringBuilder("SELECT l." + column(StagingTable.LINES, "line-number") + ", "
                + orNull(StagingTable.ERRORS, "column", "e.") + ", e." + column(StagingTable.ERRORS, "message")
                + " FROM " + layout.table(StagingTable.ERRORS) + " e");
        String lineId = layout.column(StagingTable.ERRORS, "line-id");
        if (lineId != null) {
            sql.append(" LEFT JOIN ").append(layout.table(StagingTable.LINES)).append(" l ON l.")
                .append(column(StagingTable.LINES, "id")).append(" = e.").append(lineId);
        }
        else {
            sql.append(" LEFT JOIN ").append(layout.table(StagingTable.LINES)).append(" l ON 1 = 0");
        }
        sql.append(" WHERE e.").append(column(StagingTable.ERRORS, "header-id")).append(" = ?");
        layout.constants().get(StagingTable.ERRORS).keySet().forEach(column -> sql.append(" AND e.").append(column)
            .append(" = ?"));
        String id = layout.column(StagingTable.ERRORS, "id");
        if (id != null) {
            sql.append(" ORDER BY e.").append(id);
        }
        return sql.toString();
    }

    /** The parameters of {@link #errors()} after the header id. */
    List<Object> errorFilter() {
        return List.copyOf(layout.constants().get(StagingTable.ERRORS).values());
    }

    private String column(StagingTable table, String field) {
        String column = layout.column(table, field);
        if (column == null) {
            throw new IllegalStateException("the layout has no column for " + table.key() + "." + field);
        }
        return column;
    }

    /** The column, or NULL where the layout has none, so that the result keeps its shape. */
    private String orNull(StagingTable table, String field, String alias) {
        @Nullable String column = layout.column(table, field);
        return column == null ? "NULL" : alias + column;
    }
}
