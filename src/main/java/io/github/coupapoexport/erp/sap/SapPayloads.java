package io.github.coupapoexport.erp.sap;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.github.coupapoexport.foundation.Texts;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies {@code API_PURCHASEORDER_PROCESS_SRV} takes, built from the ERP document: OData V2 JSON, so decimals are
 * strings and dates {@code /Date(<epoch millis>)/}; a value over SAP's length is cut before SAP would refuse it.
 */
final class SapPayloads {

    /** SAP's lengths: {@code PurchaseOrderItemText} 40, {@code RequisitionerName} and the reference 12, PO 10. */
    static final int ITEM_TEXT_LENGTH = 40;

    static final int REQUISITIONER_LENGTH = 12;

    static final int REFERENCE_LENGTH = 12;

    static final int PURCHASE_ORDER_LENGTH = 10;

    /** Item numbers are 5 characters: Coupa line 9999 is item 99990. */
    private static final int MAX_LINE_NUMBER = 9999;

    /** The item text ({@code F01}) of an item note: where a description longer than 40 characters is kept whole. */
    private static final String ITEM_TEXT_OBJECT = "F01";

    private static final String NOTE_LANGUAGE = "EN";

    /** The one schedule line a create gives an item with a need-by date, and the one a change patches. */
    static final String FIRST_SCHEDULE_LINE = "1";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SapS4HanaProperties settings;

    private final SapAccountAssignments accounts;

    SapPayloads(SapS4HanaProperties settings) {
        this.settings = settings;
        this.accounts = new SapAccountAssignments(settings.accountSegments(), settings.costCenter());
    }

    /** The deep insert of a new PO: its header, and each live line as an item with its account and schedule line. */
    ObjectNode purchaseOrder(ErpPurchaseOrder document) {
        ObjectNode header = NODES.objectNode();
        if (settings.externalNumbering()) {
            header.put("PurchaseOrder", document.poNumber());
        }
        header.put("CompanyCode", settings.companyCode());
        header.put("PurchaseOrderType", settings.purchaseOrderType());
        putIfSet(header, "Supplier", document.supplier() == null ? null : document.supplier().number());
        header.put("PurchasingOrganization", settings.purchasingOrganization());
        header.put("PurchasingGroup", settings.purchasingGroup());
        header.put("DocumentCurrency", document.currency());
        putIfSet(header, "PaymentTerms", document.paymentTerm());
        header.put("CorrespncExternalReference", reference(document.poNumber()));
        ArrayNode items = header.putArray("to_PurchaseOrderItem");
        for (Line line : document.liveLines()) {
            items.add(item(line, document));
        }
        return header;
    }

    /** One item, new to SAP: in a deep insert, or posted to an existing PO's {@code to_PurchaseOrderItem}. */
    ObjectNode item(Line line, ErpPurchaseOrder document) {
        String requester = document.requester();
        ObjectNode item = NODES.objectNode();
        item.put("PurchaseOrderItem", itemNumber(line));
        itemValues(item, line);
        item.put("Plant", settings.plantFor(document.shipTo()));
        putIfSet(item, "MaterialGroup", settings.materialGroup());
        putIfSet(item, "TaxCode", settings.taxCode());
        putIfSet(item, "RequisitionerName", requester == null ? null : Texts.fit(requester, REQUISITIONER_LENGTH));
        if (SapAccountAssignments.charged(line)) {
            item.put("AccountAssignmentCategory", settings.accountAssignmentCategory());
            accounts.addTo(item, line);
        }
        if (line.needByDate() != null) {
            item.putArray("to_ScheduleLine").add(scheduleLine(line).put("ScheduleLine", FIRST_SCHEDULE_LINE));
        }
        if (line.description() != null && line.description().length() > ITEM_TEXT_LENGTH) {
            ObjectNode note = item.putArray("to_PurchaseOrderItemNote").addObject();
            note.put("TextObjectType", ITEM_TEXT_OBJECT);
            note.put("Language", NOTE_LANGUAGE);
            note.put("PlainLongText", line.description());
        }
        return item;
    }

    /** What SAP would refuse of the line's account assignments, each naming the line and the field. */
    List<String> accountProblems(Line line) {
        return accounts.problems(line);
    }

    /**
     * The values a change patches onto an item SAP holds: the same again is harmless. A split line says its shares
     * are by percentage, also when it was charged to one account before.
     */
    ObjectNode changedItem(Line line) {
        ObjectNode item = itemValues(NODES.objectNode(), line);
        if (SapAccountAssignments.split(line)) {
            item.put("MultipleAcctAssgmtDistribution", SapAccountAssignments.BY_PERCENTAGE);
        }
        return item;
    }

    /** The header values a change patches onto the PO SAP holds: the supplier and the payment terms. */
    ObjectNode changedHeader(ErpPurchaseOrder document) {
        ObjectNode header = NODES.objectNode();
        putIfSet(header, "Supplier", document.supplier() == null ? null : document.supplier().number());
        putIfSet(header, "PaymentTerms", document.paymentTerm());
        return header;
    }

    /**
     * The delivery date and quantity of a line's schedule line (without its number): created with the item, patched
     * onto schedule line 1 by a change. Only for a line with a need-by date.
     */
    ObjectNode scheduleLine(Line line) {
        ObjectNode schedule = NODES.objectNode();
        schedule.put("ScheduleLineDeliveryDate", date(line.needByDate()));
        schedule.put("ScheduleLineOrderQuantity", quantity(line));
        return schedule;
    }

    /** The line's account assignments, {@code 01}, {@code 02}, ..., as a change patches them onto its item. */
    List<ObjectNode> accountAssignments(Line line) {
        return accounts.assignments(line);
    }

    /** The account assignment category an item charged to an account gets. */
    String accountAssignmentCategory() {
        return settings.accountAssignmentCategory();
    }

    static ObjectNode deletion() {
        return NODES.objectNode().put("PurchasingDocumentDeletionCode", "L");
    }

    static ObjectNode completion() {
        return NODES.objectNode().put("IsCompletelyDelivered", true).put("IsFinallyInvoiced", true);
    }

    private ObjectNode itemValues(ObjectNode item, Line line) {
        putIfSet(item, "PurchaseOrderItemText", line.description() == null ? null
                : Texts.fit(line.description(), ITEM_TEXT_LENGTH));
        item.put("OrderQuantity", quantity(line));
        item.put("PurchaseOrderQuantityUnit", line.quantity() == null ? settings.amountLineUnit() : line.uom());
        item.put("NetPriceAmount", line.quantity() == null ? line.amount() : line.unitPrice());
        return item;
    }

    /** An amount line is quantity 1 at its amount: SAP prices every item as quantity times price. */
    private static String quantity(Line line) {
        return line.quantity() == null ? "1" : line.quantity();
    }

    /**
     * The item number of a line: ten times its Coupa line number, as SAP numbers items (10, 20, 30 ...). Taken from
     * the line number and not from the line's position, so that a line keeps its item when an earlier line is
     * deleted, and a change patches the item it was created as.
     *
     * @throws IllegalArgumentException when the line number is not a whole number from 1 to 9999
     */
    static String itemNumber(Line line) {
        String number = line.lineNumber();
        if (number == null || !number.matches("0*[1-9][0-9]{0,3}") || Integer.parseInt(number) > MAX_LINE_NUMBER) {
            throw new IllegalArgumentException("line " + Texts.printable(number) + " has no SAP item number: SAP"
                    + " numbers items 10 to 99990, from Coupa line numbers 1 to 9999");
        }
        return String.valueOf(Integer.parseInt(number) * 10);
    }

    /** The Coupa PO number as SAP's "Your Reference": the key of the look-up before a create with internal numbers. */
    static String reference(String poNumber) {
        return poNumber.length() > REFERENCE_LENGTH ? poNumber.substring(0, REFERENCE_LENGTH) : poNumber;
    }

    /** {@code Edm.DateTime} in OData V2 JSON: the day at midnight UTC, in epoch milliseconds. */
    static String date(LocalDate day) {
        return "/Date(" + day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() + ")/";
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
