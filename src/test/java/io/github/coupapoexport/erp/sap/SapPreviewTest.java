package io.github.coupapoexport.erp.sap;

import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.installation;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code --dry-run} with SAP: the calls the adapter would make that change SAP, from the document alone, without a
 * single call to SAP (not even for a CSRF token).
 */
class SapPreviewTest {

    private static final String KEY = "coupa-4821-1-2026-03-02T09:20:11-08:00";

    private final JsonMapper json = JsonMapper.builder().build();

    private final FakeSap sap = startedSap(false);

    private final SapS4HanaErp adapter = adapter(sap);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void createIsTheDeepInsertTheAdapterPostsAndSapIsNotCalled() {
        // given
        ErpDelivery create = ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50"),
                installation("Installation service")), null);

        // when
        JsonNode preview = json.readTree(adapter.preview(create));

        // then nothing reached SAP, and the body is what a delivery posts
        assertThat(sap.calls()).isEmpty();
        assertThat(preview).hasSize(1);
        assertThat(preview.get(0).get("method").asString()).isEqualTo("POST");
        assertThat(preview.get(0).get("path").asString()).isEqualTo("/A_PurchaseOrder");
        adapter.deliver(create);
        assertThat(sap.created()).containsExactly(preview.get(0).get("body"));
    }

    @Test
    void updatePatchesHeaderEachLiveItemWithItsScheduleLineAndAccountOrPostsThemWhenNewAndMarksADeletedLineDeleted() {
        // given
        Line deleted = installation("Installation service").asDeleted();
        ErpDelivery update = ErpDelivery.of(KEY, document(ErpAction.UPDATE, "jdoe", gloves("60"), deleted),
                "4500000007");

        // when
        JsonNode preview = json.readTree(adapter.preview(update));

        // then
        assertThat(sap.calls()).isEmpty();
        assertThat(preview).extracting(call -> call.get("method").asString() + " " + call.get("path").asString())
            .containsExactly("PATCH /A_PurchaseOrder('4500000007')",
                    "PATCH /A_PurchaseOrderItem(PurchaseOrder='4500000007',PurchaseOrderItem='10')",
                    "PATCH /A_PurchaseOrderScheduleLine(PurchasingDocument='4500000007',PurchasingDocumentItem='10',"
                            + "ScheduleLine='1')",
                    "PATCH /A_PurOrdAccountAssignment(PurchaseOrder='4500000007',PurchaseOrderItem='10',"
                            + "AccountAssignmentNumber='01')",
                    "PATCH /A_PurchaseOrderItem(PurchaseOrder='4500000007',PurchaseOrderItem='20')");
        assertThat(preview.get(0).get("body")).isEqualTo(json.readTree("""
                {"Supplier": "SUP-0077", "PaymentTerms": "NT45"}"""));
        assertThat(preview.get(1).get("body")).isEqualTo(json.readTree("""
                {"PurchaseOrderItemText": "Safety gloves, L", "OrderQuantity": "60",
                 "PurchaseOrderQuantityUnit": "EA", "NetPriceAmount": "5.00"}"""));
        assertThat(preview.get(1).get("whenSapHoldsNoSuchItem").get("path").asString())
            .isEqualTo("/A_PurchaseOrder('4500000007')/to_PurchaseOrderItem");
        assertThat(preview.get(1).get("whenSapHoldsNoSuchItem").get("body").get("PurchaseOrderItem").asString())
            .isEqualTo("10");
        assertThat(preview.get(2).get("body")).isEqualTo(json.readTree("""
                {"ScheduleLineDeliveryDate": "/Date(1773964800000)/", "ScheduleLineOrderQuantity": "60"}"""));
        assertThat(preview.get(3).get("body")).isEqualTo(json.readTree("""
                {"GLAccount": "61000000", "CostCenter": "10101101"}"""));
        assertThat(preview.get(3).get("whenSapHoldsNoSuchAssignment").get("path").asString())
            .isEqualTo("/A_PurchaseOrderItem(PurchaseOrder='4500000007',PurchaseOrderItem='10')/to_AccountAssignment");
        assertThat(preview.get(3).get("whenSapHoldsNoSuchAssignment").get("body")).isEqualTo(json.readTree("""
                {"AccountAssignmentNumber": "01", "GLAccount": "61000000", "CostCenter": "10101101"}"""));
        assertThat(preview.get(4).get("body")).isEqualTo(json.readTree("""
                {"PurchasingDocumentDeletionCode": "L"}"""));
    }

    @Test
    void closeWithoutSapsNumberSaysHowTheNumberIsFound() {
        // when
        JsonNode preview = json.readTree(adapter.preview(ErpDelivery.of(KEY, document(ErpAction.CLOSE, "jdoe",
                gloves("50")), null)));

        // then
        assertThat(sap.calls()).isEmpty();
        assertThat(preview.get(0).get("path").asString()).isEqualTo("/A_PurchaseOrderItem(PurchaseOrder='<SAP's"
                + " number of the PO whose CorrespncExternalReference is 4821>',PurchaseOrderItem='10')");
        assertThat(preview.get(0).get("body")).isEqualTo(json.readTree("""
                {"IsCompletelyDelivered": true, "IsFinallyInvoiced": true}"""));
    }

    @Test
    void aDocumentTheAdapterWouldRejectBeforeSapIsRefusedWithTheSameReason() {
        // given
        Line badNumber = new Line("1.5", 15001, "QUANTITY", "Gloves", "1", "EA", "5.00", "5.00", null, null, null,
                false);

        // then
        assertThatThrownBy(() -> adapter.preview(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", badNumber),
                null))).isInstanceOf(IllegalArgumentException.class).hasMessage("line 1.5 has no SAP item number:"
                        + " SAP numbers items 10 to 99990, from Coupa line numbers 1 to 9999");
        assertThat(sap.calls()).isEmpty();
    }
}
