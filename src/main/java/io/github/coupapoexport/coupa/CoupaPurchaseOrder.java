package io.github.coupapoexport.coupa;

import java.util.List;

/**
 * A purchase order as Coupa's JSON API returns it (hyphenated keys, bound by a kebab-case mapper).
 * Numbers and dates stay the raw strings Coupa sent, so that the mapping can reject a bad value with a
 * reason a buyer understands instead of failing the whole page in the JSON parser.
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
        List<Line> orderLines) {

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
