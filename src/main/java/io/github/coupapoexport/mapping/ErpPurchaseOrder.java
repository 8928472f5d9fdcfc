package io.github.coupapoexport.mapping;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The document the ERP receives (README "The REST ERP adapter"). Money and quantities are decimal strings so that no JSON
 * library on either side turns them into binary floating point; dates are ISO {@code yyyy-MM-dd}.
 */
public record ErpPurchaseOrder(
        String source,
        long coupaId,
        String poNumber,
        int revision,
        ErpAction action,
        String status,
        String currency,
        String total,
        Supplier supplier,
        String paymentTerm,
        ShipTo shipTo,
        String requester,
        List<Line> lines) {

    public ErpPurchaseOrder {
        lines = List.copyOf(lines);
    }

    public record Supplier(String number, String name) {
    }

    public record ShipTo(String name, String street1, String street2, String city, String state, String postalCode,
            String country) {
    }

    /**
     * One line. Its account is either one account ({@code accountCode}, {@code accountSegments}) or, with Coupa's split
     * accounting, its {@code allocations}, each with an account of its own; then {@code accountCode} is null.
     * {@code accountSegments} and {@code allocations} are left out of the JSON when empty, so that a line without them
     * is the same text it was before they existed (the ledger compares and resends documents as text).
     */
    public record Line(
            String lineNumber,
            long coupaLineId,
            String type,
            String description,
            String quantity,
            String uom,
            String unitPrice,
            String amount,
            LocalDate needByDate,
            String accountCode,
            @JsonInclude(Include.NON_EMPTY) Map<String, String> accountSegments,
            @JsonInclude(Include.NON_EMPTY) List<Allocation> allocations,
            String commodity,
            boolean deleted) {

        public Line {
            // Ledger rows written before these existed read them as null.
            accountSegments = accountSegments == null ? Map.of() : segments(accountSegments);
            allocations = allocations == null ? List.of() : List.copyOf(allocations);
        }

        /** A line charged to one account known only by its code. */
        public Line(String lineNumber, long coupaLineId, String type, String description, String quantity, String uom,
                String unitPrice, String amount, LocalDate needByDate, String accountCode, String commodity,
                boolean deleted) {
            this(lineNumber, coupaLineId, type, description, quantity, uom, unitPrice, amount, needByDate, accountCode,
                    null, null, commodity, deleted);
        }

        /** This line as the ERP holds it, now to be deleted: an ERP that validates a whole document needs it whole. */
        public Line asDeleted() {
            return new Line(lineNumber, coupaLineId, type, description, quantity, uom, unitPrice, amount, needByDate,
                    accountCode, accountSegments, allocations, commodity, true);
        }
    }

    /**
     * A share of a line's split accounting: its percentage of the line (decimal string, e.g. {@code "60"}), its amount
     * (decimal string, null when Coupa gave none) and the account it charges.
     */
    public record Allocation(
            String percentage,
            String amount,
            String accountCode,
            @JsonInclude(Include.NON_EMPTY) Map<String, String> accountSegments) {

        public Allocation {
            accountSegments = accountSegments == null ? Map.of() : segments(accountSegments);
        }
    }

    /**
     * An account's non-empty segments by Coupa's name for them ({@code segment-1} ... {@code segment-20}), in segment
     * order: keyed, not listed, so that a segment keeps its number when one before it is empty.
     */
    static Map<String, String> segments(Map<String, String> segments) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(segments));
    }

    /**
     * The lines the ERP holds once it has applied this document: the ones not deleted, with all their values, so
     * that a line Coupa later stops returning can be sent as deleted with the values the ERP has for it.
     */
    public List<Line> liveLines() {
        return lines.stream().filter(line -> !line.deleted()).toList();
    }
}
