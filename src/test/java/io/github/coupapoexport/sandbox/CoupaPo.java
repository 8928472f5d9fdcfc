package io.github.coupapoexport.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * A purchase order as Coupa's JSON API shows it, written with Coupa's own hyphenated keys. Deliberately independent
 * of the production DTOs, so that a wrong key in the reader fails a test instead of agreeing with itself.
 */
public final class CoupaPo {

    private final Map<String, Object> json = new LinkedHashMap<>();

    private final List<Map<String, Object>> lines = new ArrayList<>();

    private CoupaPo(long id) {
        json.put("id", id);
        json.put("po-number", String.valueOf(id));
        json.put("version", 1);
        json.put("status", "issued");
        json.put("created-at", "2026-03-02T09:14:05-08:00");
        json.put("updated-at", "2026-03-02T09:20:11-08:00");
        json.put("exported", false);
        json.put("total", null);
        json.put("currency", Map.of("id", 1, "code", "USD"));
        json.put("supplier", supplierJson("Acme Industrial", "SUP-0077"));
        json.put("payment-term", Map.of("id", 2, "code", "Net 45"));
        json.put("ship-to-address", address("HQ Dock", "250 Sycamore Ave", "Redwood City", "CA", "94063", "US"));
        json.put("ship-to-user", Map.of("id", 31, "login", "jdoe", "email", "jdoe@example.com"));
        json.put("order-lines", lines);
    }

    public static CoupaPo po(long id) {
        return new CoupaPo(id);
    }

    /** POs 1 to {@code count}, each issued with one quantity line: the volume scenarios' data. */
    public static CoupaPo[] numbered(int count) {
        return LongStream.rangeClosed(1, count)
            .mapToObj(id -> po(id).line(Line.quantity(id * 100, "1", "Item " + id, "1", "10.00", "EA")))
            .toArray(CoupaPo[]::new);
    }

    public CoupaPo number(String poNumber) {
        return set("po-number", poNumber);
    }

    public CoupaPo version(int version) {
        return set("version", version);
    }

    public CoupaPo status(String status) {
        return set("status", status);
    }

    public CoupaPo updatedAt(String updatedAt) {
        return set("updated-at", updatedAt);
    }

    public CoupaPo exported(boolean exported) {
        return set("exported", exported);
    }

    public CoupaPo total(String total) {
        return set("total", total);
    }

    public CoupaPo currency(String code) {
        return set("currency", code == null ? null : Map.of("id", 1, "code", code));
    }

    public CoupaPo supplier(String name, String number) {
        return set("supplier", supplierJson(name, number));
    }

    public CoupaPo noSupplier() {
        return set("supplier", null);
    }

    public CoupaPo paymentTerm(String code) {
        return set("payment-term", code == null ? null : Map.of("id", 2, "code", code));
    }

    public CoupaPo shipTo(String name, String street1, String city, String state, String postalCode, String country) {
        return set("ship-to-address", address(name, street1, city, state, postalCode, country));
    }

    public CoupaPo requester(String login) {
        return set("ship-to-user", Map.of("id", 31, "login", login));
    }

    public CoupaPo line(Line line) {
        lines.add(line.json);
        return this;
    }

    public CoupaPo set(String key, Object value) {
        json.put(key, value);
        return this;
    }

    public long id() {
        return ((Number) json.get("id")).longValue();
    }

    /** A copy of the JSON object, as the fake Coupa stores and serves it. */
    public Map<String, Object> json() {
        Map<String, Object> copy = new LinkedHashMap<>(json);
        List<Map<String, Object>> lineCopies = new ArrayList<>();
        lines.forEach(line -> lineCopies.add(new LinkedHashMap<>(line)));
        copy.put("order-lines", lineCopies);
        return copy;
    }

    private static Map<String, Object> supplierJson(String name, String number) {
        Map<String, Object> supplier = new LinkedHashMap<>();
        supplier.put("id", 77);
        supplier.put("name", name);
        supplier.put("number", number);
        return supplier;
    }

    private static Map<String, Object> address(String name, String street1, String city, String state,
            String postalCode, String country) {
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", 12);
        address.put("name", name);
        address.put("street1", street1);
        address.put("street2", "");
        address.put("city", city);
        address.put("state", state);
        address.put("postal-code", postalCode);
        address.put("country", Map.of("id", 223, "code", country));
        return address;
    }

    /** An order line in Coupa's JSON. */
    public static final class Line {

        private final Map<String, Object> json = new LinkedHashMap<>();

        private Line(long id, String lineNum, String type, String description) {
            json.put("id", id);
            json.put("line-num", lineNum);
            json.put("type", type);
            json.put("description", description);
            json.put("status", "created");
            json.put("need-by-date", "2026-03-20T00:00:00-07:00");
            json.put("account", Map.of("id", 26, "code", "01-100-8000", "name", "US-Ops-Supplies"));
            json.put("commodity", Map.of("id", 4, "name", "Safety Equipment"));
        }

        public static Line quantity(long id, String lineNum, String description, String quantity, String price,
                String uom) {
            Line line = new Line(id, lineNum, "OrderQuantityLine", description);
            line.json.put("quantity", quantity);
            line.json.put("price", price);
            line.json.put("total", null);
            line.json.put("uom", uom == null ? null : Map.of("code", uom));
            return line;
        }

        public static Line amount(long id, String lineNum, String description, String price) {
            Line line = new Line(id, lineNum, "OrderAmountLine", description);
            line.json.put("quantity", null);
            line.json.put("price", price);
            line.json.put("total", price);
            line.json.put("uom", null);
            return line;
        }

        public Line total(String total) {
            return set("total", total);
        }

        public Line needBy(String needByDate) {
            return set("need-by-date", needByDate);
        }

        public Line account(String code) {
            return set("account", code == null ? null : Map.of("id", 27, "code", code));
        }

        /** The line's one account, with its segments 1, 2, ... as Coupa shows them. */
        public Line account(String code, String... segments) {
            return set("account", accountJson(code, segments));
        }

        /** A share of the line's split accounting ({@code pct} as Coupa names it), added to those before. */
        @SuppressWarnings("unchecked")
        public Line allocation(String pct, String amount, String code, String... segments) {
            Map<String, Object> allocation = new LinkedHashMap<>();
            allocation.put("id", 900 + ((List<Object>) json.computeIfAbsent("account-allocations",
                    key -> new ArrayList<>())).size());
            allocation.put("pct", pct);
            allocation.put("amount", amount);
            allocation.put("account", accountJson(code, segments));
            ((List<Object>) json.get("account-allocations")).add(allocation);
            return this;
        }

        private static Map<String, Object> accountJson(String code, String... segments) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", 27);
            account.put("code", code);
            for (int i = 0; i < segments.length; i++) {
                account.put("segment-" + (i + 1), segments[i]);
            }
            account.put("account-type", Map.of("id", 2, "name", "US Chart of Accounts"));
            return account;
        }

        public Line commodity(String name) {
            return set("commodity", name == null ? null : Map.of("id", 9, "name", name));
        }

        public Line deletedAt(String deletedAt) {
            return set("deleted-at", deletedAt);
        }

        public Line set(String key, Object value) {
            json.put(key, value);
            return this;
        }
    }
}
