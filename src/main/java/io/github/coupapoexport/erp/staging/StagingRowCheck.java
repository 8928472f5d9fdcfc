package io.github.coupapoexport.erp.staging;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which column refused a row: PostgreSQL's "value too long for type character varying(20)" names no column, so the
 * row is held against the column sizes and NOT NULLs the database's metadata tells. Asked only after a refusal.
 */
final class StagingRowCheck {

    private static final Set<Integer> TEXT = Set.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR,
            Types.LONGVARCHAR, Types.LONGNVARCHAR);

    private final JdbcTemplate jdbc;

    StagingRowCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** E.g. {@code PO 4821: STAGING_PO_LINES.UOM holds at most 30 characters (the value has 41)}. */
    String explain(String poNumber, String table, StagingSql.Insert insert, String databaseMessage) {
        List<String> found = new ArrayList<>();
        try {
            Map<String, Column> columns = jdbc.execute((Connection connection) -> columns(connection, table));
            columns.forEach((listed, column) -> {
                // As the settings spell it (PostgreSQL's metadata has it in lower case).
                String name = insert.columns().stream().filter(listed::equalsIgnoreCase).findFirst().orElse(listed);
                Object value = valueOf(insert.values(), name);
                if (value instanceof String text && column.text() && column.size() > 0
                        && text.length() > column.size()) {
                    found.add(table + "." + name + " holds at most " + column.size() + " characters (the value has "
                            + text.length() + ")");
                }
                else if (value == null && column.required() && insert.columns().stream().noneMatch(
                        name::equalsIgnoreCase)) {
                    found.add(table + "." + name + " needs a value and the PO has none for it");
                }
            });
        }
        catch (RuntimeException metadataUnavailable) {
            // The database's own words below are then all there is.
        }
        return "PO " + poNumber + ": " + (found.isEmpty() ? table + " would not hold the row: " + databaseMessage
                : String.join("; ", found));
    }

    private static Object valueOf(Map<String, Object> values, String column) {
        return values.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(column))
            .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** The table's columns as the metadata has them, its name tried as written, in upper and in lower case. */
    private static Map<String, Column> columns(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        int dot = table.lastIndexOf('.');
        String owner = dot < 0 ? null : table.substring(0, dot);
        String name = table.substring(dot + 1);
        for (String candidate : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
            Map<String, Column> columns = new LinkedHashMap<>();
            String schema = owner != null ? owner : connection.getSchema();
            // MariaDB calls its databases catalogs and has no schemas; the others search within the schema.
            String catalog = owner != null && schema != null && connection.getSchema() == null ? owner
                    : connection.getCatalog();
            try (ResultSet rows = metadata.getColumns(catalog, connection.getSchema() == null ? null : schema,
                    candidate, null)) {
                while (rows.next()) {
                    boolean generated = "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT"))
                            || rows.getString("COLUMN_DEF") != null;
                    columns.put(rows.getString("COLUMN_NAME"), new Column(TEXT.contains(rows.getInt("DATA_TYPE")),
                            rows.getInt("COLUMN_SIZE"), rows.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls
                                    && !generated));
                }
            }
            if (!columns.isEmpty()) {
                return columns;
            }
        }
        return Map.of();
    }

    private record Column(boolean text, int size, boolean required) {
    }
}
