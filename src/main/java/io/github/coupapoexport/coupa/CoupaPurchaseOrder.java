package io.github.coupapoexport.coupa;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A purchase order as Coupa's JSON API returns it (hyphenated keys, bound by a kebab-case mapper).
 * Numbers and dates stay the raw strings Coupa sent, so that the mapping can reject a bad value with a
 * reason a buyer understands instead of failing the whole page in the JSON parser.
 * <p>
 * A PO whose JSON does not bind at all (a field of the wrong JSON type, a number too large for its field) is still one
 * of these: it carries what could be read of its header and, in {@code unreadable}, why the rest could not, so that it
 * is rejected on its own instead of failing the page. {@code unreadable} is never read from Coupa's JSON.
 */
public record CoupaPurchaseOrder(
        Long id,
        String poNumber,
        Integer version,
        String status,
        String updatedAt,
        Boolean exported,
        Code currency,
        String total,
        Supplier supplier,
        Code paymentTerm,
        Address shipToAddress,
        User shipToUser,
        User requester,
        List<Line> orderLines,
        @JsonIgnore String unreadable) {

    /** A PO that bound completely. */
    public CoupaPurchaseOrder(Long id, String poNumber, Integer version, String status, String updatedAt,
            Boolean exported, Code currency, String total, Supplier supplier, Code paymentTerm, Address shipToAddress,
            User shipToUser, User requester, List<Line> orderLines) {
        this(id, poNumber, version, status, updatedAt, exported, currency, total, supplier, paymentTerm, shipToAddress,
                shipToUser, requester, orderLines, null);
    }

    /**
     * A PO Coupa returned in a shape that does not bind: only its header fields that could be read, and the problem
     * in words, e.g. {@code the field 'version' holds the number 3000000000 where a whole number up to 2147483647
     * belongs}.
     */
    public static CoupaPurchaseOrder partlyRead(long id, String poNumber, Integer version, String status,
            String updatedAt, String problem) {
        return new CoupaPurchaseOrder(id, poNumber, version, status, updatedAt, null, null, null, null, null, null,
                null, null, null, problem);
    }

    /** Whether the whole PO was read; if not, {@link #unreadable()} says why. */
    public boolean readable() {
        return unreadable == null;
    }

    public record Code(String code) {
    }

    public record Supplier(String name, String number) {
    }

    public record Address(String name, String street1, String street2, String city, String state,
            String postalCode, Code country) {
    }

    public record User(String login) {
    }

    public record Named(String name) {
    }

    public record Line(
            Long id,
            String lineNum,
            String type,
            String description,
            String quantity,
            String price,
            String total,
            Code uom,
            String needByDate,
            Code account,
            Named commodity,
            String deletedAt) {
    }
}
