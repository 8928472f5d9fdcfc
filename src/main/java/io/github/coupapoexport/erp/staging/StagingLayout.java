package io.github.coupapoexport.erp.staging;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.coupapoexport.mapping.ErpAction;
import org.jspecify.annotations.Nullable;

/**
 * Where and how a PO is staged: the tables, the column of each logical field (a field without one is not written),
 * the constant columns of each table, the SQL expression that numbers its rows (none: the column fills itself) and
 * the values of the action and status columns. Two presets, {@value #OWN} (the schema in {@code sql/staging/}) and
 * {@value #ORACLE_EBS} (Oracle E-Business Suite's purchasing open interface), each changed by the settings.
 *
 * @param constants the values every row of a table gets; for the errors table they select the rows that belong to
 * this import (EBS keeps the errors of every open interface in one table)
 * @param keyLength the length of the key column: a longer idempotency key is stored as its SHA-256
 */
record StagingLayout(
        String name,
        Map<StagingTable, String> tables,
        Map<StagingTable, Map<String, String>> columns,
        Map<StagingTable, Map<String, Object>> constants,
        Map<StagingTable, String> idExpressions,
        Map<ErpAction, String> actions,
        Map<Status, String> statuses,
        int keyLength) {

    static final String OWN = "coupa-po-export";

    static final String ORACLE_EBS = "oracle-ebs";

    /** A whole number without leading zeros: a constant that looks like one goes to the database as a number. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    /** Where a row is in the ERP's import. */
    enum Status {
        PENDING, ACCEPTED, REJECTED
    }

    /** The column of a field, or null when the layout does not write or read it. */
    @Nullable String column(StagingTable table, String field) {
        String column = columns.get(table).get(field);
        return column == null || column.isBlank() ? null : column;
    }

    String table(StagingTable table) {
        return tables.get(table);
    }

    /** The id expression of a table, or null when its id column fills itself (identity, auto_increment). */
    @Nullable String idExpression(StagingTable table) {
        String expression = idExpressions.get(table);
        return expression == null || expression.isBlank() ? null : expression;
    }

    /** The status a value of the status column means; any value not configured (EBS's IN PROCESS) is pending. */
    Status status(@Nullable String value) {
        if (value != null && value.trim().equalsIgnoreCase(statuses.get(Status.ACCEPTED))) {
            return Status.ACCEPTED;
        }
        if (value != null && value.trim().equalsIgnoreCase(statuses.get(Status.REJECTED))) {
            return Status.REJECTED;
        }
        return Status.PENDING;
    }

    static StagingLayout preset(String name) {
        return ORACLE_EBS.equals(name) ? oracleEbs() : own();
    }

    /** This preset with the settings' overrides on top: a blank column or id expression removes the preset's. */
    StagingLayout with(StagingTablesProperties settings) {
        Map<StagingTable, String> tables = new EnumMap<>(StagingTable.class);
        tables.putAll(this.tables);
        settings.tables().forEach((table, name) -> tables.put(StagingTable.byKey(table), name));
        Map<StagingTable, Map<String, String>> columns = new EnumMap<>(StagingTable.class);
        Map<StagingTable, Map<String, Object>> constants = new EnumMap<>(StagingTable.class);
        for (StagingTable table : StagingTable.values()) {
            Map<String, String> tableColumns = new LinkedHashMap<>(this.columns.get(table));
            tableColumns.putAll(settings.columns().getOrDefault(table.key(), Map.of()));
            columns.put(table, Map.copyOf(tableColumns));
            Map<String, Object> tableConstants = new LinkedHashMap<>(this.constants.get(table));
            settings.constants().getOrDefault(table.key(), Map.of()).forEach((column, value) -> {
                if (value == null || value.isEmpty()) {
                    tableConstants.remove(constantColumn(column));
                }
                else {
                    tableConstants.put(constantColumn(column), constantValue(value));
                }
            });
            constants.put(table, Map.copyOf(tableConstants));
        }
        Map<StagingTable, String> ids = new EnumMap<>(StagingTable.class);
        ids.putAll(idExpressions);
        settings.idExpressions().forEach((table, expression) -> ids.put(StagingTable.byKey(table), expression));
        Map<ErpAction, String> actions = new EnumMap<>(ErpAction.class);
        actions.putAll(this.actions);
        settings.actions().forEach((action, value) -> actions.put(ErpAction.valueOf(upper(action)), value));
        Map<Status, String> statuses = new EnumMap<>(Status.class);
        statuses.putAll(this.statuses);
        settings.statuses().forEach((status, value) -> statuses.put(Status.valueOf(upper(status)), value));
        return new StagingLayout(name, Map.copyOf(tables), Map.copyOf(columns), Map.copyOf(constants),
                Map.copyOf(ids), Map.copyOf(actions), Map.copyOf(statuses),
                settings.keyLength() != null ? settings.keyLength() : keyLength);
    }

    /**
     * A constant's column as the settings name it: {@code org-id} or {@code [ORG_ID]} (Spring drops an underscore
     * from a map key written without brackets), both {@code ORG_ID}.
     */
    static String constantColumn(String key) {
        return key.contains("-") ? upper(key) : key;
    }

    static Object constantValue(String value) {
        return NUMBER.matcher(value).matches() ? (Object) Long.valueOf(value) : value;
    }

    private static String upper(String key) {
        return key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** Our own schema, {@code sql/staging/*.sql}: every column is the field's name in upper case. */
    private static StagingLayout own() {
        Map<StagingTable, Map<String, String>> columns = new EnumMap<>(StagingTable.class);
        Map<StagingTable, Map<String, Object>> constants = new EnumMap<>(StagingTable.class);
        for (StagingTable table : StagingTable.values()) {
            Map<String, String> named = new LinkedHashMap<>();
            table.fields().forEach(field -> named.put(field, upper(field)));
            columns.put(table, named);
            constants.put(table, Map.of());
        }
        columns.get(StagingTable.HEADERS).putAll(Map.of("id", "HEADER_ID", "key", "SOURCE_KEY"));
        columns.get(StagingTable.LINES).putAll(Map.of("id", "LINE_ID", "type", "LINE_TYPE"));
        columns.get(StagingTable.DISTRIBUTIONS).put("id", "DISTRIBUTION_ID");
        columns.get(StagingTable.ERRORS).putAll(Map.of("id", "ERROR_ID", "column", "COLUMN_NAME"));
        return new StagingLayout(OWN, Map.of(StagingTable.HEADERS, "STAGING_PO_HEADERS", StagingTable.LINES,
                "STAGING_PO_LINES", StagingTable.DISTRIBUTIONS, "STAGING_PO_DISTRIBUTIONS", StagingTable.ERRORS,
                "STAGING_PO_ERRORS"), copy(columns), Map.copyOf(constants), Map.of(), Map.of(ErpAction.CREATE,
                "CREATE", ErpAction.UPDATE, "UPDATE", ErpAction.CANCEL, "CANCEL", ErpAction.CLOSE, "CLOSE"),
                Map.of(Status.PENDING, "PENDING", Status.ACCEPTED, "ACCEPTED", Status.REJECTED, "REJECTED"), 200);
    }

    /**
     * Oracle E-Business Suite's purchasing open interface, read by "Import Standard Purchase Orders": the key in the
     * descriptive flexfield column ATTRIBUTE15 (150 characters), the Coupa status in ATTRIBUTE14, the rows numbered
     * by EBS's own sequences. ORG_ID (and BATCH_ID, if the import runs by batch) are settings.
     */
    private static StagingLayout oracleEbs() {
        Map<StagingTable, Map<String, String>> columns = new EnumMap<>(StagingTable.class);
        columns.put(StagingTable.HEADERS, Map.ofEntries(Map.entry("id", "INTERFACE_HEADER_ID"),
                Map.entry("key", "ATTRIBUTE15"), Map.entry("action", "ACTION"), Map.entry("status", "PROCESS_CODE"),
                Map.entry("po-number", "DOCUMENT_NUM"), Map.entry("po-status", "ATTRIBUTE14"),
                Map.entry("currency", "CURRENCY_CODE"), Map.entry("supplier-number", "VENDOR_NUM"),
                Map.entry("payment-term", "PAYMENT_TERMS"), Map.entry("ship-to-name", "SHIP_TO_LOCATION"),
                Map.entry("created-at", "CREATION_DATE"), Map.entry("erp-document-id", "PO_HEADER_ID")));
        columns.put(StagingTable.LINES, Map.of("id", "INTERFACE_LINE_ID", "header-id", "INTERFACE_HEADER_ID",
                "line-number", "LINE_NUM", "description", "ITEM_DESCRIPTION", "quantity", "QUANTITY", "uom",
                "UNIT_OF_MEASURE", "unit-price", "UNIT_PRICE", "need-by-date", "NEED_BY_DATE", "created-at",
                "CREATION_DATE"));
        Map<String, String> distributions = new LinkedHashMap<>(Map.of("id", "INTERFACE_DISTRIBUTION_ID",
                "header-id", "INTERFACE_HEADER_ID", "line-id", "INTERFACE_LINE_ID", "distribution-number",
                "DISTRIBUTION_NUM", "quantity", "QUANTITY_ORDERED", "created-at", "CREATION_DATE"));
        for (int segment = 1; segment <= StagingTable.SEGMENTS; segment++) {
            distributions.put("segment-" + segment, "CHARGE_ACCOUNT_SEGMENT" + segment);
        }
        columns.put(StagingTable.DISTRIBUTIONS, distributions);
        columns.put(StagingTable.ERRORS, Map.of("id", "INTERFACE_TRANSACTION_ID", "header-id",
                "INTERFACE_HEADER_ID", "line-id", "INTERFACE_LINE_ID", "column", "COLUMN_NAME", "message",
                "ERROR_MESSAGE"));
        return new StagingLayout(ORACLE_EBS, Map.of(StagingTable.HEADERS, "PO_HEADERS_INTERFACE", StagingTable.LINES,
                "PO_LINES_INTERFACE", StagingTable.DISTRIBUTIONS, "PO_DISTRIBUTIONS_INTERFACE", StagingTable.ERRORS,
                "PO_INTERFACE_ERRORS"), copy(columns), Map.of(StagingTable.HEADERS, Map.of("DOCUMENT_TYPE_CODE",
                "STANDARD", "INTERFACE_SOURCE_CODE", "COUPA"), StagingTable.LINES, Map.of(),
                StagingTable.DISTRIBUTIONS, Map.of(), StagingTable.ERRORS, Map.of("INTERFACE_TYPE",
                "PO_DOCS_OPEN_INTERFACE")), Map.of(StagingTable.HEADERS, "PO_HEADERS_INTERFACE_S.NEXTVAL",
                StagingTable.LINES, "PO_LINES_INTERFACE_S.NEXTVAL", StagingTable.DISTRIBUTIONS,
                "PO_DISTRIBUTIONS_INTERFACE_S.NEXTVAL"), Map.of(ErpAction.CREATE, "ORIGINAL", ErpAction.UPDATE,
                "UPDATE", ErpAction.CANCEL, "UPDATE", ErpAction.CLOSE, "UPDATE"), Map.of(Status.PENDING, "PENDING",
                Status.ACCEPTED, "ACCEPTED", Status.REJECTED, "REJECTED"), 150);
    }

    private static Map<StagingTable, Map<String, String>> copy(Map<StagingTable, Map<String, String>> columns) {
        Map<StagingTable, Map<String, String>> copy = new EnumMap<>(StagingTable.class);
        columns.forEach((table, named) -> copy.put(table, Map.copyOf(named)));
        return Map.copyOf(copy);
    }
}
