package io.github.coupapoexport.erp.sap;

import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.erp.ErpReadException;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.erp.sap.SapDocuments.MAX_RETRIES;
import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What SAP holds of a PO, for {@code reconcile}: read by the look-up that guards a create, changing nothing. */
class SapHoldingsTest {

    private final FakeSap sap = startedSap(false);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void aPoSapHoldsIsHeldUnderSapsNumberWithoutAVersion() {
        // given
        SapS4HanaErp adapter = adapter(sap);
        adapter.deliver(ErpDelivery.of("coupa-4821-1", document(ErpAction.CREATE, "jdoe", gloves("50")), null));

        // when
        ErpHolding holding = adapter.holding(new ErpHolding.Question(4821, "4821", null));

        // then
        assertThat(adapter.readsHoldings()).isTrue();
        assertThat(holding).isEqualTo(new ErpHolding.Held(null, "4500000001"));
        assertThat(sap.calls()).last().isEqualTo(
                "GET /A_PurchaseOrder?$top=1&$filter=CorrespncExternalReference eq '4821'");
        assertThat(sap.purchaseOrders()).hasSize(1);
    }

    @Test
    void aPoSapDoesNotHoldIsNotHeld() {
        assertThat(adapter(sap).holding(new ErpHolding.Question(4822, "4822", null)))
            .isEqualTo(new ErpHolding.NotHeld());
        assertThat(adapter(sap).holding(new ErpHolding.Question(4823, null, null))).isEqualTo(new ErpHolding.NotHeld());
    }

    @Test
    void sapThatKeepsFailingCannotBeRead() {
        // given
        sap.failNext(503, MAX_RETRIES + 5);

        // when / then
        assertThatThrownBy(() -> adapter(sap).holding(new ErpHolding.Question(4821, "4821", null)))
            .isInstanceOf(ErpReadException.class)
            .hasMessageContaining("SAP's look-up of PO 4821 failed")
            .hasMessageContaining("503");
    }
}
