package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.coupapoexport.sandbox.FakeSapRules.send;

/**
 * How {@link FakeSap} changes what it holds, as {@code API_PURCHASEORDER_PROCESS_SRV} does: PATCH (or MERGE) of
 * {@code A_PurchaseOrder}, {@code A_PurchaseOrderItem}, {@code A_PurchaseOrderScheduleLine} and
 * {@code A_PurOrdAccountAssignment} by their keys, each only with {@code If-Match} (428 without, 412 with an ETag
 * that is not the entity's, {@code *} taken); an item's schedule lines and account assignments read and posted
 * through its {@code to_ScheduleLine} and {@code to_AccountAssignment} (400 for a number the item has already).
 * Every entity gets a new ETag whenever it changes.
 */
final class FakeSapChanges {

    private static final Pattern HEADER = Pattern.compile("/A_PurchaseOrder\\('([^']*)'\\)");

    private static final Pattern ITEM = Pattern.compile("/A_PurchaseOrderItem\\(PurchaseOrder='([^']*)',"
            + "PurchaseOrderItem='([^']*)'\\)(?:/(to_ScheduleLine|to_AccountAssignment))?");

    private static final Pattern SCHEDULE_LINE = Pattern.compile("/A_PurchaseOrderScheduleLine\\(PurchasingDocument="
            + "'([^']*)',PurchasingDocumentItem='([^']*)',ScheduleLine='([^']*)'\\)");

    private static final Pattern ASSIGNMENT = Pattern.compile("/A_PurOrdAccountAssignment\\(PurchaseOrder='([^']*)',"
            + "PurchaseOrderItem='([^']*)',AccountAssignmentNumber='([^']*)'\\)");

    private static final Map<String, String> KEYS = Map.of("to_ScheduleLine", "ScheduleLine",
            "to_AccountAssignment", "AccountAssignmentNumber");

    private static final Map<String, Function<JsonNode, List<String>>> RULES = Map.of("to_ScheduleLine",
            FakeSapRules::scheduleLineProblems, "to_AccountAssignment", FakeSapRules::assignmentProblems);

    private final JsonMapper json;

    private final Map<String, ObjectNode> purchaseOrders;

    private int nextETag = 1;

    private String changedAfterNextRead;

    FakeSapChanges(JsonMapper json, Map<String, ObjectNode> purchaseOrders) {
        this.json = json;
        this.purchaseOrders = purchaseOrders;
    }

    /** The next read of an item's {@code navigation} is followed by a change in SAP: what it returned goes stale. */
    void changeAfterNextRead(String navigation) {
        changedAfterNextRead = navigation;
    }

    /** Gives the entity a new ETag, as SAP does on every change. */
    ObjectNode stamp(ObjectNode entity) {
        entity.putObject("__metadata").put("etag", "W/\"" + nextETag++ + "\"");
        return entity;
    }

    /** Stamps an item and its schedule lines and account assignments. */
    void stampItem(ObjectNode item) {
        stamp(item);
        KEYS.keySet().forEach(navigation -> item.path(navigation).forEach(each -> stamp((ObjectNode) each)));
    }

    /** Answers the call if it is one of these changes or reads, and says whether it did. */
    boolean route(HttpExchange exchange, String method, String path, byte[] body) throws IOException {
        boolean patch = method.equals("PATCH") || method.equals("MERGE");
        Matcher header = HEADER.matcher(path);
        Matcher item = ITEM.matcher(path);
        Matcher scheduleLine = SCHEDULE_LINE.matcher(path);
        Matcher assignment = ASSIGNMENT.matcher(path);
        if (patch && header.matches()) {
            ObjectNode values = (ObjectNode) json.readTree(body);
            patch(exchange, "A_PurchaseOrder", purchaseOrders.get(header.group(1)), values,
                    FakeSapRules.headerProblems(values));
        }
        else if (patch && item.matches() && item.group(3) == null) {
            ObjectNode values = (ObjectNode) json.readTree(body);
            patch(exchange, "A_PurchaseOrderItem", item(item.group(1), item.group(2)), values,
                    FakeSapRules.itemProblems(values));
        }
        else if (item.matches() && item.group(3) != null && (method.equals("GET") || method.equals("POST"))) {
            navigation(exchange, method, item(item.group(1), item.group(2)), item.group(3), body);
        }
        else if (patch && scheduleLine.matches()) {
            ObjectNode values = (ObjectNode) json.readTree(body);
            patch(exchange, "A_PurchaseOrderScheduleLine", child(item(scheduleLine.group(1), scheduleLine.group(2)),
                    "to_ScheduleLine", scheduleLine.group(3)), values, FakeSapRules.scheduleLineProblems(values));
        }
        else if (patch && assignment.matches()) {
            ObjectNode values = (ObjectNode) json.readTree(body);
            patch(exchange, "A_PurOrdAccountAssignment", child(item(assignment.group(1), assignment.group(2)),
                    "to_AccountAssignment", assignment.group(3)), values, FakeSapRules.assignmentProblems(values));
        }
        else {
            return false;
        }
        return true;
    }

    private void navigation(HttpExchange exchange, String method, ObjectNode item, String navigation, byte[] body)
            throws IOException {
        if (item == null) {
            error(exchange, 404, "/IWBEP/CM_MGW_RT/020", List.of("Resource not found for 'A_PurchaseOrderItem'"));
        }
        else if (method.equals("GET")) {
            JsonNode held = item.has(navigation) ? item.get(navigation).deepCopy() : json.createArrayNode();
            send(exchange, 200, "application/json", json.writeValueAsString(json.createObjectNode().set("d",
                    json.createObjectNode().set("results", held))));
            if (navigation.equals(changedAfterNextRead)) {
                changedAfterNextRead = null;
                item.path(navigation).forEach(each -> stamp((ObjectNode) each));
            }
        }
        else {
            ObjectNode created = (ObjectNode) json.readTree(body);
            List<String> problems = RULES.get(navigation).apply(created);
            String number = created.path(KEYS.get(navigation)).asString("");
            if (problems.isEmpty() && child(item, navigation, number) != null) {
                problems = List.of(KEYS.get(navigation) + " " + number + " of item "
                        + item.path("PurchaseOrderItem").asString() + " already exists");
            }
            if (!problems.isEmpty()) {
                error(exchange, 400, "/IWBEP/CM_MGW_RT/022", problems);
                return;
            }
            (item.has(navigation) ? (ArrayNode) item.get(navigation) : item.putArray(navigation)).add(stamp(created));
            send(exchange, 201, "application/json", json.writeValueAsString(json.createObjectNode().set("d",
                    created)));
        }
    }

    private void patch(HttpExchange exchange, String entitySet, ObjectNode entity, ObjectNode values,
            List<String> problems) throws IOException {
        String ifMatch = exchange.getRequestHeaders().getFirst("If-Match");
        if (entity == null) {
            error(exchange, 404, "/IWBEP/CM_MGW_RT/020", List.of("Resource not found for '" + entitySet + "'"));
        }
        else if (ifMatch == null) {
            error(exchange, 428, "/IWBEP/CM_MGW_RT/180", List.of("Precondition required: send If-Match"));
        }
        else if (!ifMatch.equals("*") && !ifMatch.equals(entity.path("__metadata").path("etag").asString())) {
            error(exchange, 412, "/IWBEP/CM_MGW_RT/181", List.of("Precondition failed: the " + entitySet
                    + " was changed"));
        }
        else if (!problems.isEmpty()) {
            error(exchange, 400, "/IWBEP/CM_MGW_RT/022", problems);
        }
        else {
            entity.setAll(values);
            stamp(entity);
            send(exchange, 204, "text/plain", "");
        }
    }

    private ObjectNode item(String number, String itemNumber) {
        return child(purchaseOrders.get(number), "to_PurchaseOrderItem", itemNumber);
    }

    /** The entity of the parent's navigation whose key is {@code key}: an item, schedule line, or assignment. */
    private static ObjectNode child(JsonNode parent, String navigation, String key) {
        String keyField = navigation.equals("to_PurchaseOrderItem") ? "PurchaseOrderItem" : KEYS.get(navigation);
        if (parent == null) {
            return null;
        }
        for (JsonNode each : parent.path(navigation)) {
            if (each.path(keyField).asString("").equals(key)) {
                return (ObjectNode) each;
            }
        }
        return null;
    }

    private void error(HttpExchange exchange, int status, String code, List<String> messages) throws IOException {
        send(exchange, status, "application/json", FakeSapRules.errorBody(json, code, messages));
    }
}
