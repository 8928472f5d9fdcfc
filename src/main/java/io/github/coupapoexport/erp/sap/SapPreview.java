package io.github.coupapoexport.erp.sap;

import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the adapter would send SAP for a document, told without asking SAP ({@code --dry-run}): the calls that change
 * something, each with its method, path in the service and body. A create is the one deep insert. A change is told
 * from the document alone, since what SAP holds is not asked: the header's supplier and payment terms patched, each
 * live line's item patched (or, when SAP holds no such item yet, posted as a new one) with its schedule line 1 and
 * its account assignments (each posted instead when SAP holds no such one), a deleted line's item marked deleted; a
 * cancel or close patches every item. A delivery sends only the patches whose values differ from SAP's, each with
 * the ETag SAP gives when read, which a preview cannot know.
 */
final class SapPreview {

    private final SapPayloads payloads;

    private final boolean externalNumbering;

    private final JsonMapper json;

    SapPreview(SapPayloads payloads, boolean externalNumbering, JsonMapper json) {
        this.payloads = payloads;
        this.externalNumbering = externalNumbering;
        this.json = json;
    }

    /** The calls as indented JSON. */
    String calls(ErpPurchaseOrder document, @Nullable String erpDocumentId) {
        ArrayNode calls = json.createArrayNode();
        if (document.action() == ErpAction.CREATE) {
            add(calls, "POST", "/A_PurchaseOrder", payloads.purchaseOrder(document));
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(calls);
        }
        // Without the ledger's SAP number and with SAP's numbering, the change would look the number up first.
        String number = erpDocumentId != null ? SapS4HanaErp.key(erpDocumentId) : externalNumbering
                ? SapS4HanaErp.key(document.poNumber())
                : "'<SAP's number of the PO whose CorrespncExternalReference is " + SapPayloads.reference(
                        document.poNumber()) + ">'";
        if (document.action() == ErpAction.UPDATE) {
            add(calls, "PATCH", "/A_PurchaseOrder(" + number + ")", payloads.changedHeader(document));
        }
        for (Line line : document.lines()) {
            String item = SapS4HanaErp.key(SapPayloads.itemNumber(line));
            String path = "/A_PurchaseOrderItem(PurchaseOrder=" + number + ",PurchaseOrderItem=" + item + ")";
            if (line.deleted() || document.action() == ErpAction.CANCEL) {
                add(calls, "PATCH", path, SapPayloads.deletion());
            }
            else if (document.action() == ErpAction.CLOSE) {
                add(calls, "PATCH", path, SapPayloads.completion());
            }
            else {
                ObjectNode patch = add(calls, "PATCH", path, payloads.changedItem(line));
                ObjectNode post = patch.putObject("whenSapHoldsNoSuchItem");
                post.put("method", "POST");
                post.put("path", "/A_PurchaseOrder(" + number + ")/to_PurchaseOrderItem");
                post.set("body", payloads.item(line, document));
                if (line.needByDate() != null) {
                    add(calls, "PATCH", "/A_PurchaseOrderScheduleLine(PurchasingDocument=" + number
                            + ",PurchasingDocumentItem=" + item + ",ScheduleLine='" + SapPayloads.FIRST_SCHEDULE_LINE
                            + "')", payloads.scheduleLine(line));
                }
                for (ObjectNode assignment : payloads.accountAssignments(line)) {
                    String assignmentNumber = assignment.remove("AccountAssignmentNumber").asString();
                    ObjectNode change = add(calls, "PATCH", "/A_PurOrdAccountAssignment(PurchaseOrder=" + number
                            + ",PurchaseOrderItem=" + item + ",AccountAssignmentNumber='" + assignmentNumber + "')",
                            assignment);
                    ObjectNode postAssignment = change.putObject("whenSapHoldsNoSuchAssignment");
                    postAssignment.put("method", "POST");
                    postAssignment.put("path", path + "/to_AccountAssignment");
                    postAssignment.set("body", assignment.deepCopy().put("AccountAssignmentNumber", assignmentNumber));
                }
            }
        }
        return json.writerWithDefaultPrettyPrinter().writeValueAsString(calls);
    }

    private static ObjectNode add(ArrayNode calls, String method, String path, JsonNode body) {
        ObjectNode call = calls.addObject();
        call.put("method", method);
        call.put("path", path);
        call.set("body", body);
        return call;
    }
}
