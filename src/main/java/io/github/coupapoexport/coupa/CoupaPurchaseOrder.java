package io.github.coupapoexport.coupa;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

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
            Account account,
            Named commodity,
            String deletedAt,
            List<Allocation> accountAllocations) {

        /** A line charged to one account, without split accounting. */
        public Line(Long id, String lineNum, String type, String description, String quantity, String price,
                String total, Code uom, String needByDate, Code account, Named commodity, String deletedAt) {
            this(id, lineNum, type, description, quantity, price, total, uom, needByDate,
                    account == null ? null : Account.of(account.code()), commodity, deletedAt, null);
        }
    }

    /**
     * A share of a line's split accounting: {@code pct} and {@code amount} as Coupa's Order Line Allocations API
     * names them (decimal(16,10) and decimal(32,4)), and the account it charges.
     */
    public record Allocation(String pct, String amount, Account account) {
    }

    /**
     * An account of Coupa's chart of accounts: its code (Coupa joins the segments into it) and its segments, which
     * Coupa numbers 1 to 20; which segment is the cost center or the G/L account is the customer's chart's own.
     */
    public record Account(
            String code,
            @JsonProperty("segment-1") String segment1,
            @JsonProperty("segment-2") String segment2,
            @JsonProperty("segment-3") String segment3,
            @JsonProperty("segment-4") String segment4,
            @JsonProperty("segment-5") String segment5,
            @JsonProperty("segment-6") String segment6,
            @JsonProperty("segment-7") String segment7,
            @JsonProperty("segment-8") String segment8,
            @JsonProperty("segment-9") String segment9,
            @JsonProperty("segment-10") String segment10,
            @JsonProperty("segment-11") String segment11,
            @JsonProperty("segment-12") String segment12,
            @JsonProperty("segment-13") String segment13,
            @JsonProperty("segment-14") String segment14,
            @JsonProperty("segment-15") String segment15,
            @JsonProperty("segment-16") String segment16,
            @JsonProperty("segment-17") String segment17,
            @JsonProperty("segment-18") String segment18,
            @JsonProperty("segment-19") String segment19,
            @JsonProperty("segment-20") String segment20) {

        /** How many segments a Coupa account has at most. */
        public static final int SEGMENTS = 20;

        /** An account known only by its code. */
        public static Account of(String code) {
            return segmented(code, List.of());
        }

        /** An account with its segments 1, 2, ... in order; a null in the list is a segment left empty. */
        public static Account segmented(String code, List<String> segments) {
            String[] values = new String[SEGMENTS];
            for (int i = 0; i < segments.size(); i++) {
                values[i] = segments.get(i);
            }
            return new Account(code, values[0], values[1], values[2], values[3], values[4], values[5], values[6],
                    values[7], values[8], values[9], values[10], values[11], values[12], values[13], values[14],
                    values[15], values[16], values[17], values[18], values[19]);
        }

        /** Segments 1 to 20 by position, empty ones as null. */
        public List<String> segments() {
            return Stream.of(segment1, segment2, segment3, segment4, segment5, segment6, segment7, segment8, segment9,
                    segment10, segment11, segment12, segment13, segment14, segment15, segment16, segment17, segment18,
                    segment19, segment20).toList();
        }
    }
}
