package io.github.coupapoexport.erp.sap;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.coupapoexport.erp.Erp;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.erp.ErpReadException;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.foundation.Backoff;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The SAP S/4HANA adapter ({@code erp.type=sap-s4hana}, README "The SAP S/4HANA adapter"), over the OData V2 service
 * {@code API_PURCHASEORDER_PROCESS_SRV}. The service knows no idempotency key, so a create first looks the PO up
 * (by its number with external numbering, by "Your Reference" with SAP's numbers) and answers what SAP holds as
 * already applied: a resend after a lost answer never makes a second SAP PO. A change patches items by the SAP
 * number the ledger kept from the create, each with its ETag; patching the values SAP already holds changes nothing.
 */
public class SapS4HanaErp implements Erp {

    private static final Logger log = LoggerFactory.getLogger(SapS4HanaErp.class);

    private final SapSession sap;

    private final SapAnswers answers;

    private final SapPayloads payloads;

    private final Backoff retry;

    private final boolean externalNumbering;

    private final SapPreview preview;

    private final SapChanges changes;

    SapS4HanaErp(SapSession sap, SapAnswers answers, SapPayloads payloads, Backoff retry, boolean externalNumbering,
            SapPreview preview) {
        this.sap = sap;
        this.answers = answers;
        this.payloads = payloads;
        this.retry = retry;
        this.externalNumbering = externalNumbering;
        this.preview = preview;
        this.changes = new SapChanges(sap, answers, payloads);
    }

    /** Each attempt starts over from a look-up, so an attempt after one whose answer was lost finds what it did. */
    @Override
    public ErpAnswer deliver(ErpDelivery delivery) {
        ErpPurchaseOrder document;
        try {
            document = delivery.document();
        }
        catch (RuntimeException unreadable) {
            // A document an older version kept that no longer reads: refused here, so that the PO is mapped afresh
            // next run, and the look-up before a create still keeps SAP from getting it twice.
            return new ErpAnswer.Rejected(400, "not sent to SAP: the document kept for it cannot be read: "
                    + unreadable.getMessage());
        }
        String invalid = invalid(document);
        if (invalid != null) {
            // Nothing SAP could take: answered as SAP would answer it (400), without asking it.
            return new ErpAnswer.Rejected(400, "not sent to SAP: " + invalid);
        }
        return retry.run(() -> document.action() == ErpAction.CREATE ? create(document)
                : change(document, delivery.erpDocumentId()),
                (last, attempts) -> last instanceof SapAnswers.Final answered ? answered.answer()
                        : new ErpAnswer.Unreachable(last.getMessage()));
    }

    /** SAP is read by the same look-up that guards a create. */
    @Override
    public boolean readsHoldings() {
        return true;
    }

    /**
     * Whether SAP holds a PO for this Coupa PO, by the look-up that guards a create (by number, or by the external
     * reference). SAP keeps no Coupa version, so the revision is not known: only a PO SAP lacks is told.
     */
    @Override
    public ErpHolding holding(ErpHolding.Question purchaseOrder) {
        if (purchaseOrder.poNumber() == null || purchaseOrder.poNumber().isBlank()) {
            // Never sent: a PO without a number is refused before SAP.
            return new ErpHolding.NotHeld();
        }
        return retry.run(() -> {
            String number = lookUp(purchaseOrder.poNumber());
            return number == null ? new ErpHolding.NotHeld() : new ErpHolding.Held(null, number);
        }, (last, attempts) -> {
            if (last instanceof SapAnswers.Final answered && answered.answer() instanceof ErpAnswer.Refused refused) {
                throw new ErpSetupException(refused.reason());
            }
            throw new ErpReadException("SAP's look-up of PO " + purchaseOrder.poNumber() + " failed: "
                    + last.getMessage() + (last instanceof SapAnswers.Final ? "" : " (gave up after " + attempts
                    + " attempts)"), last);
        });
    }

    /** The calls that change SAP, from the document alone: no token is fetched, nothing is read or changed. */
    @Override
    public String preview(ErpDelivery delivery) {
        ErpPurchaseOrder document = delivery.document();
        String invalid = invalid(document);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
        return preview.calls(document, delivery.erpDocumentId());
    }

    /** What SAP could not take whatever its state: told before any call, naming the PO or the line. */
    private @Nullable String invalid(ErpPurchaseOrder document) {
        if (externalNumbering && document.poNumber().length() > SapPayloads.PURCHASE_ORDER_LENGTH) {
            return "PO number " + document.poNumber() + " has more than " + SapPayloads.PURCHASE_ORDER_LENGTH
                    + " characters: it cannot be the SAP PO number (erp.sap.numbering=external)";
        }
        try {
            document.lines().forEach(SapPayloads::itemNumber);
        }
        catch (IllegalArgumentException ex) {
            return ex.getMessage();
        }
        // Only a create or an update sends account assignments (for a line new to SAP): a cancel or close sends none.
        List<String> accounts = document.action() == ErpAction.CREATE || document.action() == ErpAction.UPDATE
                ? document.liveLines().stream().flatMap(line -> payloads.accountProblems(line).stream()).toList()
                : List.of();
        return accounts.isEmpty() ? null : String.join("; ", accounts);
    }

    private ErpAnswer create(ErpPurchaseOrder document) {
        String held = lookUp(document.poNumber());
        if (held != null) {
            log.info("SAP holds PO {} already as {}: not created again", document.poNumber(), held);
            return new ErpAnswer.Accepted(200, held, true);
        }
        SapResponse response = sap.modify(HttpMethod.POST, "/A_PurchaseOrder", payloads.purchaseOrder(document), null);
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        String number = answers.data(response).path("PurchaseOrder").asString("");
        if (number.isBlank()) {
            throw new SapAnswers.Transient(response.call() + " answered HTTP " + response.status()
                    + " without the PurchaseOrder it created", null);
        }
        answers.logWarnings(response, document.poNumber());
        return new ErpAnswer.Accepted(response.status(), number, false);
    }

    /** SAP's number of the PO it holds for this Coupa PO, or null when it holds none. */
    private @Nullable String lookUp(String poNumber) {
        SapResponse response = externalNumbering ? sap.get("/A_PurchaseOrder(" + key(poNumber) + ")")
                : sap.get("/A_PurchaseOrder?$top=1&$filter=" + UriUtils.encodeQueryParam(
                        "CorrespncExternalReference eq " + literal(SapPayloads.reference(poNumber)), UTF_8));
        if (externalNumbering && response.status() == 404) {
            return null;
        }
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        JsonNode found = answers.data(response);
        JsonNode purchaseOrder = found.isArray() ? found.path(0) : found;
        String number = purchaseOrder.path("PurchaseOrder").asString("");
        return number.isBlank() ? null : number;
    }

    /**
     * UPDATE, CANCEL or CLOSE of the SAP PO the ledger names (or, for a PO created before the ledger kept SAP's
     * number, the one the look-up finds): an UPDATE as {@link SapChanges} makes it; a cancel or close patches every
     * item SAP has not deleted, with its own ETag.
     */
    private ErpAnswer change(ErpPurchaseOrder document, @Nullable String erpDocumentId) {
        String number = erpDocumentId != null ? erpDocumentId : lookUp(document.poNumber());
        if (number == null && document.action() == ErpAction.CANCEL) {
            // Cancelled in Coupa before it ever reached SAP: what the cancel asks for, no PO in force, holds already.
            log.info("SAP holds no PO for Coupa PO {}: nothing to cancel", document.poNumber());
            return new ErpAnswer.Accepted(200, null, true);
        }
        if (number == null) {
            // Never a create instead: a PO the ERP is taken to hold (keyed in by hand, then baselined) that the look-up
            // cannot find would become a second SAP PO. Someone gives it the reference, then the PO is sent again.
            return new ErpAnswer.Rejected(404, "SAP holds no PO for Coupa PO " + document.poNumber() + " to "
                    + document.action().name().toLowerCase(Locale.ROOT) + ": the job never created one, and "
                    + (externalNumbering ? "SAP has no PO numbered " + document.poNumber()
                            : "no SAP PO has Your Reference (CorrespncExternalReference) "
                                    + SapPayloads.reference(document.poNumber()))
                    + "; a PO keyed into SAP by hand needs that before the job can change it");
        }
        if (document.action() == ErpAction.UPDATE) {
            return changes.update(document, number);
        }
        for (Map.Entry<String, HeldItem> item : heldItems(number).entrySet()) {
            if (!item.getValue().deleted()) {
                patch(number, item.getKey(), item.getValue().etag(), document.action() == ErpAction.CANCEL
                        ? SapPayloads.deletion() : SapPayloads.completion());
            }
        }
        return new ErpAnswer.Accepted(200, number, false);
    }

    /**
     * Every item of the SAP PO with its ETag ({@code *} when SAP sends none) and whether it is deleted already: a
     * deleted item is left alone, so that a repeat of a cancel or of a line's deletion asks nothing of SAP.
     */
    private Map<String, HeldItem> heldItems(String number) {
        SapResponse response = sap.get("/A_PurchaseOrder(" + key(number) + ")/to_PurchaseOrderItem");
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        Map<String, HeldItem> items = new LinkedHashMap<>();
        for (JsonNode item : answers.data(response)) {
            items.put(item.path("PurchaseOrderItem").asString(""), new HeldItem(
                    item.path("__metadata").path("etag").asString("*"),
                    !item.path("PurchasingDocumentDeletionCode").asString("").isBlank()));
        }
        return items;
    }

    private void patch(String number, String item, String etag, JsonNode values) {
        SapResponse response = sap.modify(HttpMethod.PATCH, "/A_PurchaseOrderItem(PurchaseOrder=" + key(number)
                + ",PurchaseOrderItem=" + key(item) + ")", values, etag);
        if (!response.isSuccess()) {
            throw answers.failed(response);
        }
        answers.logWarnings(response, number);
    }

    /** A string key in an entity's URL, e.g. {@code ('4500000001')}. */
    static String key(String value) {
        return UriUtils.encodePathSegment(literal(value), UTF_8);
    }

    /** An OData string literal: quoted, a quote within doubled. */
    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** An item as SAP holds it. */
    private record HeldItem(String etag, boolean deleted) {
    }
}
