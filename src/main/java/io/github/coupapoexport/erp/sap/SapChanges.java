package io.github.coupapoexport.erp.sap;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.coupapoexport.erp.sap.SapS4HanaErp.key;

/**
 * An UPDATE of a PO SAP holds (README "The SAP S/4HANA adapter", "Changes"): the header's supplier and payment
 * terms, each item's values, its schedule line 1 (need-by date and quantity) and its account assignments, each
 * patched with its own ETag and only where it differs from what SAP returned; lines new to SAP posted as items,
 * assignments new to an item posted to it. Everything is read before anything is changed, so that a change the
 * service cannot make (an account assignment taken away from an item, an item SAP deleted that Coupa holds live)
 * refuses the PO with SAP left as it was.
 * A repeat finds SAP holding the values and sends nothing; a 412 (changed in SAP since read) is retried from the read.
 */
final class SapChanges {

    private static final Logger log = LoggerFactory.getLogger(SapChanges.class);

    private final SapSession sap;

    private final SapAnswers answers;

    private final SapPayloads payloads;

    SapChanges(SapSession sap, SapAnswers answers, SapPayloads payloads) {
        this.sap = sap;
        this.answers = answers;
        this.payloads = payloads;
    }

    ErpAnswer update(ErpPurchaseOrder document, String number) {
        String purchaseOrder = "/A_PurchaseOrder(" + key(number) + ")";
        JsonNode header = readAll(purchaseOrder).get(0);
        Map<String, JsonNode> items = keyed(readAll(purchaseOrder + "/to_PurchaseOrderItem"), "PurchaseOrderItem");
        Map<String, Map<Integer, JsonNode>> assignments = new HashMap<>();
        List<String> removed = new ArrayList<>();
        List<String> deletedInSap = new ArrayList<>();
        for (Line line : document.liveLines()) {
            String itemNumber = SapPayloads.itemNumber(line);
            JsonNode item = items.get(itemNumber);
            if (item != null && deleted(item)) {
                // Answering accepted would lose the line's values: SAP holds the item deleted, Coupa holds it live.
                deletedInSap.add("line " + line.lineNumber() + " (item " + itemNumber + ") is live in Coupa, SAP holds"
                        + " item " + itemNumber + " deleted");
                continue;
            }
            if (item == null || !SapAccountAssignments.charged(line)
                    && item.path("AccountAssignmentCategory").asString("").isBlank()) {
                continue;
            }
            Map<Integer, JsonNode> held = heldAssignments(itemPath(number, item));
            assignments.put(itemNumber, held);
            int wanted = payloads.accountAssignments(line).size();
            held.keySet().stream().filter(assignment -> assignment > wanted).forEach(assignment -> removed.add(
                    "line " + line.lineNumber() + " (item " + itemNumber + ") has " + wanted
                            + " account assignment(s) in Coupa, SAP holds assignment "
                            + SapAccountAssignments.number(assignment) + " too"));
        }
        if (!removed.isEmpty()) {
            // SAP's V2 service offers no delete of an assignment, and a share of 0 is outside its 0.1 to 99.9.
            return new ErpAnswer.Rejected(409, "SAP cannot remove an account assignment of an existing item through"
                    + " this service; change it in SAP: " + String.join("; ", removed));
        }
        if (!deletedInSap.isEmpty()) {
            return new ErpAnswer.Rejected(409, "SAP holds deleted an item Coupa holds live, and this service restores"
                    + " none: delete the line in Coupa or restore the item in SAP: " + String.join("; ", deletedInSap));
        }
        patchIfChanged(purchaseOrder, header, payloads.changedHeader(document), number);
        for (Line line : document.lines()) {
            String itemNumber = SapPayloads.itemNumber(line);
            JsonNode item = items.get(itemNumber);
            if (item == null && !line.deleted()) {
                post(purchaseOrder + "/to_PurchaseOrderItem", payloads.item(line, document), number);
            }
            else if (item != null && !deleted(item) && line.deleted()) {
                patch(itemPath(number, item), etag(item), SapPayloads.deletion(), number);
            }
            else if (item != null && !deleted(item)) {
                changeItem(number, line, item, assignments.getOrDefault(itemNumber, Map.of()));
            }
        }
        return new ErpAnswer.Accepted(200, number, false);
    }

    /** The item's values first: SAP may carry a changed quantity onto the schedule line, which is read after it. */
    private void changeItem(String number, Line line, JsonNode item, Map<Integer, JsonNode> heldAssignments) {
        String path = itemPath(number, item);
        String itemKey = key(item.path("PurchaseOrderItem").asString());
        ObjectNode values = payloads.changedItem(line);
        if (SapAccountAssignments.charged(line) && item.path("AccountAssignmentCategory").asString("").isBlank()) {
            values.put("AccountAssignmentCategory", payloads.accountAssignmentCategory());
        }
        patchIfChanged(path, item, values, number);
        if (line.needByDate() != null) {
            changeScheduleLine(number, line, path, itemKey);
        }
        for (ObjectNode wanted : payloads.accountAssignments(line)) {
            String assignment = wanted.path("AccountAssignmentNumber").asString();
            JsonNode held = heldAssignments.get(Integer.parseInt(assignment));
            if (held == null) {
                post(path + "/to_AccountAssignment", wanted, number);
            }
            else {
                wanted.remove("AccountAssignmentNumber");
                patchIfChanged("/A_PurOrdAccountAssignment(PurchaseOrder=" + key(number) + ",PurchaseOrderItem="
                        + itemKey + ",AccountAssignmentNumber="
                        + key(held.path("AccountAssignmentNumber").asString()) + ")", held, wanted, number);
            }
        }
    }

    /** Schedule line 1, or a new one when SAP holds none; an item SAP split into several is left to SAP's users. */
    private void changeScheduleLine(String number, Line line, String itemPath, String itemKey) {
        List<JsonNode> held = readAll(itemPath + "/to_ScheduleLine");
        ObjectNode wanted = payloads.scheduleLine(line);
        if (held.isEmpty()) {
            post(itemPath + "/to_ScheduleLine", wanted.put("ScheduleLine", SapPayloads.FIRST_SCHEDULE_LINE), number);
        }
        else if (held.size() > 1) {
            log.warn("SAP holds {} schedule lines for item {} of PO {}: its need-by date and quantity are left as"
                    + " SAP holds them", held.size(), SapPayloads.itemNumber(line), number);
        }
        else {
            patchIfChanged("/A_PurchaseOrderScheduleLine(PurchasingDocument=" + key(number)
                    + ",PurchasingDocumentItem=" + itemKey + ",ScheduleLine="
                    + key(held.get(0).path("ScheduleLine").asString()) + ")", held.get(0), wanted, number);
        }
    }

    /** The item's assignments SAP holds and has not marked deleted, by their number as a number (01 is 1). */
    private Map<Integer, JsonNode> heldAssignments(String itemPath) {
        Map<Integer, JsonNode> held = new LinkedHashMap<>();
        for (JsonNode assignment : readAll(itemPath + "/to_AccountAssignment")) {
            String assignmentNumber = assignment.path("AccountAssignmentNumber").asString("");
            if (!assignment.path("IsDeleted").asBoolean(false) && assignmentNumber.matches("\\d{1,2}")) {
                held.put(Integer.parseInt(assignmentNumber), assignment);
            }
        }
        return held;
    }

    private void patchIfChanged(String path, JsonNode held, ObjectNode wanted, String number) {
        if (differs(wanted, held)) {
            patch(path, etag(held), wanted, number);
        }
    }

    private void patch(String path, String etag, JsonNode values, String number) {
        SapResponse response = sap.modify(HttpMethod.PATCH, path, values, etag);
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        answers.logWarnings(response, number);
    }

    private void post(String path, JsonNode values, String number) {
        SapResponse response = sap.modify(HttpMethod.POST, path, values, null);
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        answers.logWarnings(response, number);
    }

    /** The entity or every entity of a collection SAP returns. */
    private List<JsonNode> readAll(String path) {
        SapResponse response = sap.get(path);
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        JsonNode data = answers.data(response);
        List<JsonNode> entities = new ArrayList<>();
        if (data.isArray()) {
            data.forEach(entities::add);
        }
        else {
            entities.add(data);
        }
        return entities;
    }

    /**
     * Whether any value to send differs from what SAP returned. Decimals compare by value (SAP may return
     * {@code "60.000"} for {@code "60"}); anything else SAP writes differently only costs a patch of the same value.
     */
    static boolean differs(JsonNode wanted, JsonNode held) {
        for (Map.Entry<String, JsonNode> field : wanted.properties()) {
            JsonNode current = held.get(field.getKey());
            if (current == null || current.isNull() || !same(field.getValue().asString(), current.asString())) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String wanted, String held) {
        if (wanted.equals(held)) {
            return true;
        }
        String decimal = "-?\\d+(\\.\\d+)?";
        return wanted.matches(decimal) && held.matches(decimal)
                && new BigDecimal(wanted).compareTo(new BigDecimal(held)) == 0;
    }

    /**
     * The entities by their key without leading zeros, as {@link SapPayloads#itemNumber} writes it: a service that
     * returns the NUMC item number as {@code 00010} must not make item 10 look missing and get posted a second time.
     */
    private static Map<String, JsonNode> keyed(List<JsonNode> entities, String key) {
        Map<String, JsonNode> keyed = new LinkedHashMap<>();
        entities.forEach(entity -> keyed.put(entity.path(key).asString("").replaceFirst("^0+(?=.)", ""), entity));
        return keyed;
    }

    private static boolean deleted(JsonNode item) {
        return !item.path("PurchasingDocumentDeletionCode").asString("").isBlank();
    }

    /** The ETag SAP gave the entity, or {@code *} when it sends none. */
    private static String etag(JsonNode entity) {
        return entity.path("__metadata").path("etag").asString("*");
    }

    /** The item's URL by the key SAP returned for it, whatever its leading zeros. */
    private static String itemPath(String number, JsonNode item) {
        return "/A_PurchaseOrderItem(PurchaseOrder=" + key(number) + ",PurchaseOrderItem="
                + key(item.path("PurchaseOrderItem").asString()) + ")";
    }
}
