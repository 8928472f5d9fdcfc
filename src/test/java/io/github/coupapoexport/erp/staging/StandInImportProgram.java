package io.github.coupapoexport.erp.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an ERP's import program does with the staging rows, small enough for tests, on either layout: it reads the
 * pending headers in id order, rejects one whose supplier it does not know or with a line whose unit of measure it
 * does not know (an error row each, naming line and column), and accepts the others, writing its own document id.
 */
final class StandInImportProgram {

    private final JdbcTemplate jdbc;

    private final StagingLayout layout;

    private final Set<String> knownSuppliers;

    private final Set<String> knownUnits;

    StandInImportProgram(JdbcTemplate jdbc, StagingLayout layout, Set<String> knownSuppliers,
            Set<String> knownUnits) {
        this.jdbc = jdbc;
        this.layout = layout;
        this.knownSuppliers = knownSuppliers;
        this.knownUnits = knownUnits;
    }

    /** One run of the import: every pending header decided. */
    void run() {
        String headers = layout.table(StagingTable.HEADERS);
        String headerId = column(StagingTable.HEADERS, "id");
        String status = column(StagingTable.HEADERS, "status");
        String supplier = column(StagingTable.HEADERS, "supplier-number");
        List<Map<String, Object>> pending = jdbc.queryForList("SELECT " + headerId + " AS ID, " + supplier
                + " AS SUPPLIER FROM " + headers + " WHERE " + status + " = ? ORDER BY " + headerId,
                layout.statuses().get(StagingLayout.Status.PENDING));
        for (Map<String, Object> header : pending) {
            Object id = value(header, "ID");
            List<Object[]> errors = new ArrayList<>();
            Object supplierNumber = value(header, "SUPPLIER");
            if (!knownSuppliers.contains(String.valueOf(supplierNumber))) {
                errors.add(new Object[] {null, supplier, "supplier " + supplierNumber + " is unknown"});
            }
            String uom = column(StagingTable.LINES, "uom");
            for (Map<String, Object> line : jdbc.queryForList("SELECT " + column(StagingTable.LINES, "id")
                    + " AS ID, " + uom + " AS UOM FROM " + layout.table(StagingTable.LINES) + " WHERE "
                    + column(StagingTable.LINES, "header-id") + " = ?", id)) {
                if (!knownUnits.contains(String.valueOf(value(line, "UOM")))) {
                    errors.add(new Object[] {value(line, "ID"), uom, "unit of measure " + value(line, "UOM")
                            + " is unknown"});
                }
            }
            if (errors.isEmpty()) {
                Object erpId = StagingLayout.ORACLE_EBS.equals(layout.name())
                        ? (Object) (900_000L + ((Number) id).longValue()) : "ERP-" + id;
                jdbc.update("UPDATE " + headers + " SET " + status + " = ?, " + column(StagingTable.HEADERS,
                        "erp-document-id") + " = ? WHERE " + headerId + " = ?",
                        layout.statuses().get(StagingLayout.Status.ACCEPTED), erpId, id);
            }
            else {
                errors.forEach(error -> writeError(id, error));
                jdbc.update("UPDATE " + headers + " SET " + status + " = ? WHERE " + headerId + " = ?",
                        layout.statuses().get(StagingLayout.Status.REJECTED), id);
            }
        }
    }

    /** Sets a header's status column to a value the adapter has no meaning for, as EBS's IN PROCESS. */
    void markInProcess(String value) {
        jdbc.update("UPDATE " + layout.table(StagingTable.HEADERS) + " SET " + column(StagingTable.HEADERS, "status")
                + " = ?", value);
    }

    private void writeError(Object headerId, Object[] error) {
        String errors = layout.table(StagingTable.ERRORS);
        String id = column(StagingTable.ERRORS, "id");
        Long next = jdbc.queryForObject("SELECT COALESCE(MAX(" + id + "), 0) + 1 FROM " + errors, Long.class);
        StringBuilder columns = new StringBuilder(id + ", " + column(StagingTable.ERRORS, "header-id") + ", "
                + column(StagingTable.ERRORS, "line-id") + ", " + column(StagingTable.ERRORS, "column") + ", "
                + column(StagingTable.ERRORS, "message"));
        List<Object> values = new ArrayList<>(List.of(next, headerId));
        values.add(error[0]);
        values.add(error[1]);
        values.add(error[2]);
        layout.constants().get(StagingTable.ERRORS).forEach((column, value) -> {
            columns.append(", ").append(column);
            values.add(value);
        });
        jdbc.update("INSERT INTO " + errors + " (" + columns + ") VALUES (" + "?, ".repeat(values.size() - 1)
                + "?)", values.toArray());
    }

    private String column(StagingTable table, String field) {
        return layout.column(table, field);
    }

    /** A column of a row, whatever case the database gives its label. */
    private static Object value(Map<String, Object> row, String label) {
        // Not a stream: findFirst cannot hold a null, and a column may well be null (an amount line's unit).
        for (Map.Entry<String, Object> entry : row.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(label)) {
                return entry.getValue();
            }
        }
        return null;
    }
}
