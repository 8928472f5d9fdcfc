package io.github.coupapoexport.erp.sap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.installation;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Coupa version changes the SAP PO the ledger names: items patched with their ETags, new lines added as items,
 * deleted lines and a cancelled PO marked with deletion code L, a closed PO delivered and invoiced; a repeat changes
 * nothing more.
 */
class SapS4HanaErpChangesTest {

    private static final String SAP_NUMBER = "4500000001";

    private final FakeSap sap = startedSap(false);

    private final SapS4HanaErp adapter = adapter(sap);

    @BeforeEach
    void createdInSap() {
        ErpAnswer created = adapter.deliver(ErpDelivery.of("coupa-4821-1", document(ErpAction.CREATE, "jdoe",
                gloves("50"), installation("Installation service")), null));
        assertThat(created).isEqualTo(new ErpAnswer.Accepted(201, SAP_NUMBER, false));
    }

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void updatePatchesChangedItemsAddsNewOnesAndMarksDeletedOnesAndARepeatChangesNothingMore() {
        // given version 2: more gloves, the installation deleted, a new line 3
        Line helmets = new Line("3", 15003, "QUANTITY", "Helmets", "4", "EA", "30.00", "120.00",
                LocalDate.of(2026, 4, 1), "61000000", null, false);
        ErpDelivery update = ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe", gloves("60"),
                installation("Installation service").asDeleted(), helmets), SAP_NUMBER);

        // when
        ErpAnswer answer = adapter.deliver(update);

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(sap.purchaseOrders()).hasSize(1);
        List<JsonNode> items = items();
        assertThat(items).extracting(item -> item.get("PurchaseOrderItem").asString()).containsExactly("10", "20",
                "30");
        assertThat(items.get(0).get("OrderQuantity").asString()).isEqualTo("60");
        assertThat(items.get(1).get("PurchasingDocumentDeletionCode").asString()).isEqualTo("L");
        assertThat(items.get(2).get("PurchaseOrderItemText").asString()).isEqualTo("Helmets");
        assertThat(sap.calls()).contains("GET /A_PurchaseOrder('4500000001')/to_PurchaseOrderItem",
                "PATCH /A_PurchaseOrderItem(PurchaseOrder='4500000001',PurchaseOrderItem='10')",
                "PATCH /A_PurchaseOrderItem(PurchaseOrder='4500000001',PurchaseOrderItem='20')",
                "POST /A_PurchaseOrder('4500000001')/to_PurchaseOrderItem");

        // and when the same version is delivered again (its answer was lost)
        List<String> before = items().stream().map(SapS4HanaErpChangesTest::withoutETag).toList();
        ErpAnswer again = adapter.deliver(update);

        // then SAP holds the same values, and no item twice
        assertThat(again).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(items().stream().map(SapS4HanaErpChangesTest::withoutETag).toList()).isEqualTo(before);
    }

    @Test
    void cancelMarksEveryItemDeletedAndARepeatLeavesTheDeletedItemsAlone() {
        // given
        ErpDelivery cancel = ErpDelivery.of("coupa-4821-2", document(ErpAction.CANCEL, "jdoe", gloves("50"),
                installation("Installation service")), SAP_NUMBER);

        // when
        ErpAnswer answer = adapter.deliver(cancel);

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(items()).allSatisfy(item -> assertThat(item.get("PurchasingDocumentDeletionCode").asString())
            .isEqualTo("L")).hasSize(2);

        // and when the cancel is delivered again
        int callsBefore = sap.calls().size();
        ErpAnswer again = adapter.deliver(cancel);

        // then SAP is only read
        assertThat(again).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(sap.calls().subList(callsBefore, sap.calls().size())).containsExactly(
                "GET /A_PurchaseOrder('4500000001')/to_PurchaseOrderItem");
    }

    @Test
    void cancelOfAPoThatNeverReachedSapHoldsAlreadyAndChangesNothing() {
        // given a PO cancelled in Coupa before it was ever exported: SAP holds nothing under its reference
        ErpDelivery cancel = ErpDelivery.of("coupa-4899-1", new ErpPurchaseOrder("coupa", 4899, "4899", 1,
                ErpAction.CANCEL, "cancelled", "USD", "20.00", new ErpPurchaseOrder.Supplier("SUP-0077", "Acme"),
                "NT45",
                null, "jdoe", List.of(gloves("4"))), null);
        int callsBefore = sap.calls().size();

        // when
        ErpAnswer answer = adapter.deliver(cancel);

        // then it counts as done, after SAP was only asked
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, null, true));
        assertThat(sap.calls().subList(callsBefore, sap.calls().size())).allMatch(call -> call.startsWith("GET "));
        assertThat(sap.purchaseOrders()).hasSize(1);
    }

    @Test
    void closeMarksEveryItemCompletelyDeliveredAndFinallyInvoiced() {
        // when
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.CLOSE, "jdoe",
                gloves("50"), installation("Installation service")), SAP_NUMBER));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(items()).allSatisfy(item -> {
            assertThat(item.get("IsCompletelyDelivered").asBoolean()).isTrue();
            assertThat(item.get("IsFinallyInvoiced").asBoolean()).isTrue();
        }).hasSize(2);
    }

    @Test
    void changeWithoutTheSapNumberFindsThePoByTheLookUp() {
        // when the ledger kept no SAP number (a PO created before the adapter kept it)
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.CANCEL, "jdoe",
                gloves("50")), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(items()).allSatisfy(item -> assertThat(item.get("PurchasingDocumentDeletionCode").asString())
            .isEqualTo("L"));
    }

    @Test
    void aLiveLineWhoseItemSapDeletedRejectsTheUpdateBeforeAnythingInSapChanges() {
        // given a SAP user deleted item 10, which Coupa's version 2 still holds, with 60 gloves and new payment terms
        ((ObjectNode) items().get(0)).put("PurchasingDocumentDeletionCode", "L");
        List<String> before = items().stream().map(SapS4HanaErpChangesTest::withoutETag).toList();

        // when
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe",
                gloves("60"), installation("Installation v2")), SAP_NUMBER));

        // then the PO fails, naming the line, rather than answering accepted with the gloves' change lost
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Rejected.class, rejected -> {
            assertThat(rejected.status()).isEqualTo(409);
            assertThat(rejected.message()).contains("line 1 (item 10) is live in Coupa, SAP holds item 10 deleted");
        });
        assertThat(items().stream().map(SapS4HanaErpChangesTest::withoutETag).toList()).isEqualTo(before);
        assertThat(sap.calls()).noneMatch(call -> call.startsWith("PATCH ") || call.startsWith("POST /A_Purchase"
                + "OrderItem"));
    }

    private List<JsonNode> items() {
        List<JsonNode> items = new ArrayList<>();
        sap.purchaseOrders().get(SAP_NUMBER).get("to_PurchaseOrderItem").forEach(items::add);
        return items;
    }

    private static String withoutETag(JsonNode item) {
        return item.toString().replaceAll("\"__metadata\":\\{[^}]*}", "");
    }
}
