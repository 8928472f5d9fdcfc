package io.github.coupapoexport.erp.staging;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.mapping.ErpPurchaseOrder.Allocation;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.jspecify.annotations.Nullable;

/**
 * A document as the rows it becomes, each a map from logical field to value (numbers as {@link BigDecimal} or
 * {@link Long}, dates as {@link java.time.LocalDate}); a field without a value is left out of its row. The ids that
 * link rows are not here: they exist only once the rows are written.
 *
 * @param poNumber the Coupa PO number, for messages
 */
record StagedPurchaseOrder(String poNumber, Map<String, Object> header, List<StagedLine> lines) {

    /** A line, its number (the key its id is read back by) and its distributions. */
    record StagedLine(long lineNumber, Map<String, Object> values, List<Map<String, Object>> distributions) {
    }

    /**
     * @throws IllegalArgumentException when a value cannot be written (a line number that is not a whole number, a
     * quantity that is not a number): the message names the PO and the line
     */
    static StagedPurchaseOrder of(ErpPurchaseOrder document, StagingLayout layout) {
        Map<String, Object> header = new LinkedHashMap<>();
        put(header, "action", layout.actions().get(document.action()));
        put(header, "status", layout.statuses().get(StagingLayout.Status.PENDING));
        put(header, "source", document.source());
        put(header, "coupa-id", document.coupaId());
        put(header, "po-number", document.poNumber());
        put(header, "revision", (long) document.revision());
        put(header, "po-status", document.status());
        put(header, "currency", document.currency());
        put(header, "total", decimal(document.total(), document.poNumber() + ": total"));
        if (document.supplier() != null) {
            put(header, "supplier-number", document.supplier().number());
            put(header, "supplier-name", document.supplier().name());
        }
        put(header, "payment-term", document.paymentTerm());
        if (document.shipTo() != null) {
            put(header, "ship-to-name", document.shipTo().name());
            put(header, "ship-to-street1", document.shipTo().street1());
            put(header, "ship-to-street2", document.shipTo().street2());
            put(header, "ship-to-city", document.shipTo().city());
            put(header, "ship-to-state", document.shipTo().state());
            put(header, "ship-to-postal-code", document.shipTo().postalCode());
            put(header, "ship-to-country", document.shipTo().country());
        }
        put(header, "requester", document.requester());
        boolean deletedLinesWritten = layout.column(StagingTable.LINES, "deleted") != null;
        List<StagedLine> lines = new ArrayList<>();
        for (Line line : document.lines()) {
            // A layout without a deleted flag holds the lines the ERP keeps: a deleted line is left out.
            if (!line.deleted() || deletedLinesWritten) {
                StagedLine staged = line(document.poNumber(), line);
                if (lines.stream().anyMatch(other -> other.lineNumber() == staged.lineNumber())) {
                    // A line's id is read back by its number: two lines of one number could not be told apart.
                    throw new IllegalArgumentException(document.poNumber() + " has two lines numbered "
                            + staged.lineNumber());
                }
                lines.add(staged);
            }
        }
        return new StagedPurchaseOrder(document.poNumber(), header, List.copyOf(lines));
    }

    private static StagedLine line(String poNumber, Line line) {
        String where = poNumber + " line " + line.lineNumber();
        long number;
        try {
            number = Long.parseLong(line.lineNumber());
        }
        catch (NumberFormatException notWhole) {
            throw new IllegalArgumentException(where + ": the line number is not a whole number");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "line-number", number);
        put(values, "coupa-line-id", line.coupaLineId());
        put(values, "type", line.type());
        put(values, "description", line.description());
        BigDecimal quantity = decimal(line.quantity(), where + ": quantity");
        put(values, "quantity", quantity);
        put(values, "uom", line.uom());
        put(values, "unit-price", decimal(line.unitPrice(), where + ": unit price"));
        BigDecimal amount = decimal(line.amount(), where + ": amount");
        put(values, "amount", amount);
        put(values, "need-by-date", line.needByDate());
        put(values, "commodity", line.commodity());
        put(values, "deleted", line.deleted() ? "Y" : "N");
        List<Map<String, Object>> distributions = new ArrayList<>();
        if (line.allocations().isEmpty()) {
            // One account: one distribution of the whole line.
            distributions.add(distribution(1, BigDecimal.valueOf(100), amount, quantity, line.accountCode(),
                    line.accountSegments()));
        }
        else {
            int distributionNumber = 1;
            for (Allocation allocation : line.allocations()) {
                BigDecimal percentage = decimal(allocation.percentage(), where + ": allocation percentage");
                // The share of the quantity, exactly: a percentage has at most a few decimals, so no rounding.
                BigDecimal share = quantity == null || percentage == null ? null
                        : quantity.multiply(percentage).movePointLeft(2);
                distributions.add(distribution(distributionNumber++, percentage, decimal(allocation.amount(),
                        where + ": allocation amount"), share, allocation.accountCode(), allocation.accountSegments()));
            }
        }
        return new StagedLine(number, values, List.copyOf(distributions));
    }

    private static Map<String, Object> distribution(int number, @Nullable BigDecimal percentage,
            @Nullable BigDecimal amount, @Nullable BigDecimal quantity, @Nullable String accountCode,
            Map<String, String> segments) {
        Map<String, Object> values = new LinkedHashMap<>();
        put(values, "distribution-number", (long) number);
        put(values, "percentage", percentage);
        put(values, "amount", amount);
        put(values, "quantity", quantity);
        put(values, "account-code", accountCode);
        segments.forEach((segment, value) -> put(values, segment, value));
        return values;
    }

    private static void put(Map<String, Object> row, String field, @Nullable Object value) {
        if (value != null) {
            row.put(field, value);
        }
    }

    private static @Nullable BigDecimal decimal(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        }
        catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a number");
        }
    }
}
