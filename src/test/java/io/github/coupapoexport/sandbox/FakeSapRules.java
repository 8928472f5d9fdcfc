package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@link FakeSap} refuses as SAP's {@code API_PURCHASEORDER_PROCESS_SRV} does, with SAP's error body: a value
 * over its property's length, an {@code Edm.Decimal} that is not a string, an {@code Edm.DateTime} that is not
 * {@code /Date(<millis>)/}, several account assignments of an item that do not distribute it whole. Lengths as the
 * service's metadata gives them.
 */
final class FakeSapRules {

    static final Map<String, Integer> HEADER_LENGTHS = Map.of("PurchaseOrder", 10, "CompanyCode", 4,
            "PurchaseOrderType", 4, "Supplier", 10, "PurchasingOrganization", 4, "PurchasingGroup", 3,
            "DocumentCurrency", 5, "PaymentTerms", 4, "CorrespncExternalReference", 12);

    static final Map<String, Integer> ITEM_LENGTHS = Map.of("PurchaseOrderItem", 5, "PurchaseOrderItemText", 40,
            "Plant", 4, "PurchaseOrderQuantityUnit", 3, "TaxCode", 2, "AccountAssignmentCategory", 1,
            "RequisitionerName", 12, "MaterialGroup", 9, "PurchasingDocumentDeletionCode", 1);

    static final Map<String, Integer> ACCOUNT_LENGTHS = Map.of("AccountAssignmentNumber", 2, "GLAccount", 10,
            "CostCenter", 10, "ProfitCenter", 10, "WBSElement", 24);

    /** {@code MultipleAcctAssgmtDistrPercent}: {@code Edm.Decimal} precision 3, scale 1, as a string. */
    private static final String SHARE = "\\d{1,2}(\\.\\d)?";

    private static final List<String> ITEM_DECIMALS = List.of("OrderQuantity", "NetPriceAmount");

    private FakeSapRules() {
    }

    /** Every problem of a PO's header and items, as SAP's messages say them. */
    static List<String> purchaseOrderProblems(JsonNode po) {
        List<String> problems = new ArrayList<>(lengthProblems(po, HEADER_LENGTHS));
        po.path("to_PurchaseOrderItem").forEach(item -> problems.addAll(itemProblems(item)));
        return problems;
    }

    /** Whether a change carries the CSRF token given to the session its cookie names, as SAP Gateway checks. */
    static boolean validToken(Headers headers, String sessionCookie, Map<String, String> tokens) {
        String cookies = headers.getFirst("Cookie");
        Matcher session = Pattern.compile(sessionCookie + "=([^;]+)").matcher(cookies == null ? "" : cookies);
        String token = headers.getFirst("X-CSRF-Token");
        return session.find() && token != null && token.equals(tokens.get(session.group(1)));
    }

    /** Every problem of a deep insert, its number against the PO type's numbering and the POs SAP holds included. */
    static List<String> createProblems(JsonNode po, boolean externalNumbering, Set<String> held) {
        List<String> problems = purchaseOrderProblems(po);
        String given = po.path("PurchaseOrder").asString("");
        if (externalNumbering && given.isEmpty()) {
            problems.add("Enter a purchase order number (external number assignment)");
        }
        else if (!externalNumbering && !given.isEmpty()) {
            problems.add("Purchase order number " + given + " is not in the internal number range");
        }
        else if (held.contains(given)) {
            problems.add("Purchase order " + given + " already exists");
        }
        return problems;
    }

    /** Every problem of one item, new or patched. */
    static List<String> itemProblems(JsonNode item) {
        List<String> problems = new ArrayList<>(lengthProblems(item, ITEM_LENGTHS));
        for (String decimal : ITEM_DECIMALS) {
            if (item.has(decimal) && !(item.get(decimal).isString() && item.get(decimal).asString().matches(
                    "-?\\d+(\\.\\d+)?"))) {
                problems.add("Invalid value for property '" + decimal + "' of type Edm.Decimal");
            }
        }
        item.path("to_ScheduleLine").forEach(schedule -> problems.addAll(scheduleLineProblems(schedule)));
        problems.addAll(accountProblems(item));
        return problems;
    }

    /** Every problem of a header's values, new or patched. */
    static List<String> headerProblems(JsonNode header) {
        return lengthProblems(header, HEADER_LENGTHS);
    }

    /** Every problem of one schedule line, new or patched: a date that is not {@code /Date(...)/}, a number. */
    static List<String> scheduleLineProblems(JsonNode schedule) {
        List<String> problems = new ArrayList<>();
        if (schedule.has("ScheduleLineDeliveryDate") && !schedule.path("ScheduleLineDeliveryDate").asString("")
            .matches("/Date\\(-?\\d+\\)/")) {
            problems.add("Invalid value for property 'ScheduleLineDeliveryDate' of type Edm.DateTime");
        }
        if (schedule.has("ScheduleLineOrderQuantity") && !schedule.path("ScheduleLineOrderQuantity").isString()) {
            problems.add("Invalid value for property 'ScheduleLineOrderQuantity' of type Edm.Decimal");
        }
        return problems;
    }

    /** Every problem of one account assignment, new or patched: its lengths and its share. */
    static List<String> assignmentProblems(JsonNode account) {
        List<String> problems = new ArrayList<>(lengthProblems(account, ACCOUNT_LENGTHS));
        JsonNode share = account.path("MultipleAcctAssgmtDistrPercent");
        if (!share.isMissingNode() && !(share.isString() && share.asString().matches(SHARE))) {
            problems.add("Invalid value for property 'MultipleAcctAssgmtDistrPercent' of type Edm.Decimal");
        }
        return problems;
    }

    /**
     * Every problem of an item's account assignments: their lengths, numbers given twice, and several assignments
     * without a distribution indicator, or by percentage ({@code 2}) with shares that are not {@code Edm.Decimal}
     * (3, 1) or do not add up to 100.
     */
    private static List<String> accountProblems(JsonNode item) {
        List<String> problems = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        BigDecimal shares = BigDecimal.ZERO;
        for (JsonNode account : item.path("to_AccountAssignment")) {
            problems.addAll(assignmentProblems(account));
            if (!numbers.add(account.path("AccountAssignmentNumber").asString(""))) {
                problems.add("Account assignment " + account.path("AccountAssignmentNumber").asString("")
                        + " exists more than once");
            }
            JsonNode share = account.path("MultipleAcctAssgmtDistrPercent");
            if (share.isString() && share.asString().matches(SHARE)) {
                shares = shares.add(new BigDecimal(share.asString()));
            }
        }
        String distribution = item.path("MultipleAcctAssgmtDistribution").asString("");
        if (numbers.size() > 1 && distribution.isBlank()) {
            problems.add("Enter a distribution indicator for multiple account assignment");
        }
        else if (numbers.size() > 1 && distribution.equals("2") && shares.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add("Distribution percentages add up to " + shares.toPlainString() + ", not 100");
        }
        return problems;
    }

    static List<String> lengthProblems(JsonNode entity, Map<String, Integer> lengths) {
        List<String> problems = new ArrayList<>();
        lengths.forEach((property, length) -> {
            if (entity.path(property).isString() && entity.get(property).asString().length() > length) {
                problems.add("Value '" + entity.get(property).asString() + "' of property '" + property
                        + "' exceeds the maximum length of " + length);
            }
        });
        problems.sort(null);
        return problems;
    }

    /**
     * SAP Gateway's error body: the first message, and every message again in the details (SAP repeats the main
     * one there, which is why the adapter takes each message once).
     */
    static String errorBody(JsonMapper json, String code, List<String> messages) {
        ObjectNode error = json.createObjectNode();
        ObjectNode body = error.putObject("error");
        body.put("code", code);
        body.putObject("message").put("lang", "en").put("value", messages.get(0));
        ArrayNode details = body.putObject("innererror").putArray("errordetails");
        for (String message : messages) {
            details.addObject().put("code", code).put("message", message).put("propertyref", "")
                .put("severity", "error");
        }
        return json.writeValueAsString(error);
    }

    /** Answers with the body, as SAP and its token service do. */
    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** A CSRF token, bound to a new session whose cookie is set with it, as SAP answers {@code X-CSRF-Token: Fetch}. */
    static void issueToken(Headers answer, String sessionCookie, Map<String, String> tokens) {
        String session = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString();
        tokens.put(session, token);
        answer.set("X-CSRF-Token", token);
        answer.add("Set-Cookie", sessionCookie + "=" + session + "; path=/; HttpOnly");
        answer.add("Set-Cookie", "sap-usercontext=sap-client=100; path=/");
    }
}
