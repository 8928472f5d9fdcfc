package io.github.coupapoexport.erp.staging;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The four interface tables and the fields of each, by the logical names the settings use
 * ({@code erp.staging-tables.columns.<table>.<field>}).
 */
enum StagingTable {

    HEADERS(List.of("id", "key", "action", "status", "source", "coupa-id", "po-number", "revision", "po-status",
            "currency", "total", "supplier-number", "supplier-name", "payment-term", "ship-to-name",
            "ship-to-street1", "ship-to-street2", "ship-to-city", "ship-to-state", "ship-to-postal-code",
            "ship-to-country", "requester", "created-at", "erp-document-id"), List.of("id", "key", "status")),
    LINES(List.of("id", "header-id", "line-number", "coupa-line-id", "type", "description", "quantity", "uom",
            "unit-price", "amount", "need-by-date", "commodity", "deleted", "created-at"),
            List.of("id", "header-id", "line-number")),
    DISTRIBUTIONS(distributionFields(), List.of("line-id")),
    ERRORS(List.of("id", "header-id", "line-id", "column", "message"), List.of("header-id", "message"));

    /** The account segments a distribution carries, as Coupa numbers them. */
    static final int SEGMENTS = 20;

    private final List<String> fields;

    private final List<String> required;

    StagingTable(List<String> fields, List<String> required) {
        this.fields = fields;
        this.required = required;
    }

    /** The table's name in the settings: {@code headers}, {@code lines}, {@code distributions}, {@code errors}. */
    String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    List<String> fields() {
        return fields;
    }

    /** The fields without which the adapter cannot link or find rows. */
    List<String> required() {
        return required;
    }

    static StagingTable byKey(String key) {
        for (StagingTable table : values()) {
            if (table.key().equals(key)) {
                return table;
            }
        }
        throw new IllegalArgumentException("no table '" + key + "'");
    }

    static List<String> keys() {
        return List.of(values()).stream().map(StagingTable::key).toList();
    }

    private static List<String> distributionFields() {
        List<String> fields = new ArrayList<>(List.of("id", "header-id", "line-id", "distribution-number",
                "percentage", "amount", "quantity", "account-code", "created-at"));
        IntStream.rangeClosed(1, SEGMENTS).forEach(segment -> fields.add("segment-" + segment));
        return List.copyOf(fields);
    }
}
