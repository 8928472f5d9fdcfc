package io.github.coupapoexport.mapping;

import java.time.LocalDate;
import java.util.List;

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
            String commodity,
            boolean deleted) {

        /** This line as the ERP holds it, now to be deleted: an ERP that validates a whole document needs it whole. */
        public Line asDeleted() {
            return new Line(lineNumber, coupaLineId, type, description, quantity, uom, unitPrice, amount, needByDate,
                    accountCode, commodity, true);
        }
    }

    /**
     * The lines the ERP holds once it has applied this document: the ones not deleted, with all their values, so
     * that a line Coupa later stops returning can be sent as deleted with the values the ERP has for it.
     */
    public List<Line> liveLines() {
        return lines.stream().filter(line -> !line.deleted()).toList();
    }
}
