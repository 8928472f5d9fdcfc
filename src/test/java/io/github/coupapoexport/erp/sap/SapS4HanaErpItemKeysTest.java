package io.github.coupapoexport.erp.sap;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
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
 * A service that returns the item number as the NUMC it is ({@code 00010}, not {@code 10}): the update finds the
 * item it created and patches it under SAP's own key, and never posts it a second time.
 */
class SapS4HanaErpItemKeysTest {

    private static final String SAP_NUMBER = "4500000001";

    private final FakeSap sap = startedSap(false);

    private final SapS4HanaErp adapter = adapter(sap);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void anItemSapReturnsWithLeadingZerosIsPatchedNotPostedAgain() {
        // given the PO created in SAP, which returns its items as 00010 and 00020
        assertThat(adapter.deliver(ErpDelivery.of("coupa-4821-1", document(ErpAction.CREATE, "jdoe", gloves("50"),
                installation("Installation service")), null))).isInstanceOf(ErpAnswer.Accepted.class);
        items().forEach(item -> ((ObjectNode) item).put("PurchaseOrderItem",
                String.format("%05d", Integer.parseInt(item.get("PurchaseOrderItem").asString()))));

        // when version 2 asks for 60 gloves, twice
        ErpDelivery update = ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe", gloves("60"),
                installation("Installation service")), SAP_NUMBER);
        assertThat(adapter.deliver(update)).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));
        assertThat(adapter.deliver(update)).isEqualTo(new ErpAnswer.Accepted(200, SAP_NUMBER, false));

        // then SAP still holds two items, the gloves' quantity changed under its own key, and nothing was posted
        assertThat(items()).extracting(item -> item.get("PurchaseOrderItem").asString())
            .containsExactly("00010", "00020");
        assertThat(items().get(0).get("OrderQuantity").asString()).isEqualTo("60");
        assertThat(sap.calls()).noneMatch(call -> call.startsWith("POST /A_PurchaseOrder('"));
    }

    private List<JsonNode> items() {
        return sap.purchaseOrders().get(SAP_NUMBER).get("to_PurchaseOrderItem").values().stream().toList();
    }
}
