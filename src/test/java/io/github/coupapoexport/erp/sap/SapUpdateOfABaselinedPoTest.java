package io.github.coupapoexport.erp.sap;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UPDATE of a baselined PO reaches SAP without the ledger knowing SAP's number (the job never created it): the
 * adapter finds it by the look-up a create makes, by "Your Reference" (internal numbering) or by its number (external).
 * A PO keyed into SAP by hand without that reference is not found: the update is rejected naming the PO and the field,
 * and never becomes a second SAP PO.
 */
class SapUpdateOfABaselinedPoTest {

    private FakeSap sap;

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void updateOfAPoSapHoldsWithoutTheCoupaReferenceIsRejectedNamingThePoAndNeverCreated() {
        // given SAP (internal numbering) holding nothing with Your Reference 4821
        sap = SapDocuments.startedSap(false);

        // when the job sends version 2 of the baselined PO 4821 as an UPDATE, with no SAP number in the ledger
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe",
                gloves("60")), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(404, "SAP holds no PO for Coupa PO 4821 to update: the "
                + "job never created one, and no SAP PO has Your Reference (CorrespncExternalReference) 4821; a PO "
                + "keyed into SAP by hand needs that before the job can change it"));
        assertThat(sap.purchaseOrders()).isEmpty();
        assertThat(sap.calls()).noneMatch(call -> call.startsWith("POST"));
    }

    @Test
    void updateOfAPoSapHoldsUnderItsReferenceIsFoundByTheLookUpAndPatched() {
        // given SAP holding PO 4821 under Your Reference 4821, as someone keyed it in (here: through the adapter)
        sap = SapDocuments.startedSap(false);
        SapS4HanaErp adapter = adapter(sap);
        ErpAnswer keyedIn = adapter.deliver(ErpDelivery.of("keyed-in-by-hand", document(ErpAction.CREATE, "jdoe",
                gloves("50")), null));
        String number = ((ErpAnswer.Accepted) keyedIn).erpDocumentId();

        // when the job sends version 2 as an UPDATE, with no SAP number in the ledger
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe",
                gloves("60")), null));

        // then the PO SAP holds is patched, and SAP holds one PO
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, number, false));
        assertThat(sap.purchaseOrders()).hasSize(1);
        assertThat(sap.calls()).contains("PATCH /A_PurchaseOrderItem(PurchaseOrder='" + number
                + "',PurchaseOrderItem='10')");
    }

    @Test
    void withExternalNumberingTheRejectionNamesTheMissingSapNumber() {
        sap = SapDocuments.startedSap(true);

        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of("coupa-4821-2", document(ErpAction.UPDATE, "jdoe",
                gloves("60")), null));

        assertThat(answer).isInstanceOf(ErpAnswer.Rejected.class);
        assertThat(((ErpAnswer.Rejected) answer).message()).contains("Coupa PO 4821", "SAP has no PO numbered 4821");
        assertThat(sap.purchaseOrders()).isEmpty();
    }
}
