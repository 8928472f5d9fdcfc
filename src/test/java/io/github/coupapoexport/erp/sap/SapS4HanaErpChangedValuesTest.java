package io.github.coupapoexport.erp.sap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Allocation;
import io.github.coupapoexport.mapping.ErpPurchaseOrder.Line;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.installation;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Coupa version changes more than an item's own values: the need-by date and quantity of its schedule line,
 * its account assignments (a split included), the header's supplier and payment terms; each patched with its own
 * ETag, only where SAP holds other values, so that a repeat only reads.
 */
class SapS4HanaErpChangedValuesTest {

    private static final String SAP_NUMBER = "4500000001";

    private static final String ITEM_10 = "/A_PurchaseOrderItem(PurchaseOrder='4500000001',PurchaseOrderItem='10')";

    private static final String SCHEDULE_LINE_10 = "/A_PurchaseOrderScheduleLine(PurchasingDocument='4500000001',"
            + "PurchasingDocumentItem='10',ScheduleLine='1')";

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
    void aLaterNeedByDateAndMoreGlovesPatchTheItemAndItsScheduleLineAndARepeatOnlyReads() {
        // given version 2: 60 gloves, needed by April 15 instead of March 20
        ErpDelivery update = update(document(ErpAction.UPDATE, "jdoe", glovesNeededBy("60", LocalDate.of(2026, 4, 15)),
                installation("Installation service")));

        // when
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update)).isEqualTo(accepted()));

        // then SAP is read, then only what differs is patched, each at its first try (with the ETag SAP gave)
        assertThat(calls).containsExactly("GET /A_PurchaseOrder('4500000001')",
                "GET /A_PurchaseOrder('4500000001')/to_PurchaseOrderItem", "GET " + ITEM_10 + "/to_AccountAssignment",
                "PATCH " + ITEM_10, "GET " + ITEM_10 + "/to_ScheduleLine", "PATCH " + SCHEDULE_LINE_10);
        JsonNode scheduleLine = item("10").get("to_ScheduleLine").get(0);
        assertThat(scheduleLine.get("ScheduleLineDeliveryDate").asString()).isEqualTo("/Date(1776211200000)/");
        assertThat(scheduleLine.get("ScheduleLineOrderQuantity").asString()).isEqualTo("60");

        // and when the same version is delivered again, SAP is only read
        assertThat(callsOf(() -> adapter.deliver(update))).allMatch(call -> call.startsWith("GET "));
    }

    @Test
    void aScheduleLineChangedInSapSinceItWasReadIsPatchedAgainFromANewRead() {
        // given someone changes the schedule line in SAP right after the adapter read it
        sap.changeAfterNextRead("to_ScheduleLine");

        // when
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update(document(ErpAction.UPDATE, "jdoe",
                glovesNeededBy("50", LocalDate.of(2026, 4, 15)), installation("Installation service"))))).isEqualTo(
                        accepted()));

        // then the stale ETag's 412 was retried from the read, and the second patch went through
        assertThat(calls).filteredOn(call -> call.equals("PATCH " + SCHEDULE_LINE_10)).hasSize(2);
        assertThat(item("10").get("to_ScheduleLine").get(0).get("ScheduleLineDeliveryDate").asString())
            .isEqualTo("/Date(1776211200000)/");
    }

    @Test
    void aNewSupplierAndPaymentTermsPatchTheHeaderOnceAndOneTooLongForSapIsRejectedWithSapsMessage() {
        // when
        ErpDelivery update = update(header("SUP-0078", "NT30"));
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update)).isEqualTo(accepted()));

        // then
        assertThat(calls).filteredOn(call -> !call.startsWith("GET ")).containsExactly(
                "PATCH /A_PurchaseOrder('4500000001')");
        assertThat(sap.purchaseOrders().get(SAP_NUMBER).get("Supplier").asString()).isEqualTo("SUP-0078");
        assertThat(sap.purchaseOrders().get(SAP_NUMBER).get("PaymentTerms").asString()).isEqualTo("NT30");
        assertThat(callsOf(() -> adapter.deliver(update))).allMatch(call -> call.startsWith("GET "));

        // and when a supplier number longer than SAP's 10 characters comes
        ErpAnswer refused = adapter.deliver(update(header("SUP-0078-EU", "NT30")));

        // then
        assertThat(refused).isEqualTo(new ErpAnswer.Rejected(400,
                "Value 'SUP-0078-EU' of property 'Supplier' exceeds the maximum length of 10"));
    }

    @Test
    void aLineBecomingASplitPatchesItsFirstAssignmentPostsTheSecondAndARepeatPostsNothing() {
        // given the gloves, charged to 61000000, now split 60/40 with 61000100
        ErpDelivery update = update(document(ErpAction.UPDATE, "jdoe", split("60", "61000000", "40", "61000100"),
                installation("Installation service")));

        // when
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update)).isEqualTo(accepted()));

        // then
        assertThat(calls).filteredOn(call -> !call.startsWith("GET ")).containsExactly("PATCH " + ITEM_10,
                "PATCH /A_PurOrdAccountAssignment(PurchaseOrder='4500000001',PurchaseOrderItem='10',"
                        + "AccountAssignmentNumber='01')", "POST " + ITEM_10 + "/to_AccountAssignment");
        assertThat(item("10").get("MultipleAcctAssgmtDistribution").asString()).isEqualTo("2");
        assertThat(assignments()).containsExactly("01 60 61000000 10101101", "02 40 61000100 10101101");

        // and when it is delivered again, nothing is posted twice
        assertThat(callsOf(() -> adapter.deliver(update))).allMatch(call -> call.startsWith("GET "));
        assertThat(assignments()).hasSize(2);
    }

    @Test
    void aChangedSplitPatchesEachAssignmentWithItsShareAndAccount() {
        // given the gloves split 60/40
        adapter.deliver(update(document(ErpAction.UPDATE, "jdoe", split("60", "61000000", "40", "61000100"))));

        // when the split becomes 70/30, the second share charged to 61000200
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update(document(ErpAction.UPDATE, "jdoe",
                split("70", "61000000", "30", "61000200"))))).isEqualTo(accepted()));

        // then
        assertThat(calls).filteredOn(call -> !call.startsWith("GET ")).containsExactly(
                "PATCH /A_PurOrdAccountAssignment(PurchaseOrder='4500000001',PurchaseOrderItem='10',"
                        + "AccountAssignmentNumber='01')",
                "PATCH /A_PurOrdAccountAssignment(PurchaseOrder='4500000001',PurchaseOrderItem='10',"
                        + "AccountAssignmentNumber='02')");
        assertThat(assignments()).containsExactly("01 70 61000000 10101101", "02 30 61000200 10101101");
    }

    @Test
    void anAllocationTakenAwayRejectsThePoBeforeAnythingInSapChanges() {
        // given the gloves split 60/40, and then charged to one account again, with more of them
        adapter.deliver(update(document(ErpAction.UPDATE, "jdoe", split("60", "61000000", "40", "61000100"))));

        // when
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update(document(ErpAction.UPDATE, "jdoe",
                gloves("70"))))).isEqualTo(new ErpAnswer.Rejected(409, "SAP cannot remove an account assignment of"
                        + " an existing item through this service; change it in SAP: line 1 (item 10) has 1 account"
                        + " assignment(s) in Coupa, SAP holds assignment 02 too")));

        // then SAP was only read
        assertThat(calls).isNotEmpty().allMatch(call -> call.startsWith("GET "));
        assertThat(item("10").get("OrderQuantity").asString()).isEqualTo("50");
        assertThat(assignments()).hasSize(2);
    }

    @Test
    void anAccountGivenToALineWithoutOneSetsTheItemsCategoryAndPostsItsAssignment() {
        // given the installation, charged to no account so far, now charged to 61000100
        Line installation = installation("Installation service");
        Line charged = new Line(installation.lineNumber(), installation.coupaLineId(), installation.type(),
                installation.description(), null, null, installation.unitPrice(), installation.amount(), null,
                "61000100", installation.commodity(), false);

        // when
        List<String> calls = callsOf(() -> assertThat(adapter.deliver(update(document(ErpAction.UPDATE, "jdoe",
                gloves("50"), charged)))).isEqualTo(accepted()));

        // then
        String item20 = "/A_PurchaseOrderItem(PurchaseOrder='4500000001',PurchaseOrderItem='20')";
        assertThat(calls).filteredOn(call -> !call.startsWith("GET ")).containsExactly("PATCH " + item20,
                "POST " + item20 + "/to_AccountAssignment");
        assertThat(item("20").get("AccountAssignmentCategory").asString()).isEqualTo("K");
        assertThat(item("20").get("to_AccountAssignment").get(0).get("GLAccount").asString()).isEqualTo("61000100");
    }

    private static ErpDelivery update(ErpPurchaseOrder document) {
        return ErpDelivery.of("coupa-4821-2", document, SAP_NUMBER);
    }

    private static ErpAnswer accepted() {
        return new ErpAnswer.Accepted(200, SAP_NUMBER, false);
    }

    private static ErpPurchaseOrder header(String supplier, String paymentTerms) {
        return new ErpPurchaseOrder("coupa", 4821, "4821", 2, ErpAction.UPDATE, "issued", "USD", "1250.00",
                new ErpPurchaseOrder.Supplier(supplier, "Acme Industrial"), paymentTerms, null, "jdoe",
                List.of(gloves("50"), installation("Installation service")));
    }

    private static Line glovesNeededBy(String quantity, LocalDate needBy) {
        Line gloves = SapDocuments.gloves(quantity);
        return new Line(gloves.lineNumber(), gloves.coupaLineId(), gloves.type(), gloves.description(), quantity,
                gloves.uom(), gloves.unitPrice(), gloves.amount(), needBy, gloves.accountCode(), gloves.commodity(),
                false);
    }

    /** The 50 gloves (250.00) split over two accounts. */
    private static Line split(String firstShare, String firstAccount, String secondShare, String secondAccount) {
        Line gloves = SapDocuments.gloves("50");
        return new Line(gloves.lineNumber(), gloves.coupaLineId(), gloves.type(), gloves.description(), "50",
                gloves.uom(), gloves.unitPrice(), gloves.amount(), gloves.needByDate(), null, Map.of(),
                List.of(new Allocation(firstShare, null, firstAccount, Map.of()),
                        new Allocation(secondShare, null, secondAccount, Map.of())), gloves.commodity(), false);
    }

    /** The calls SAP received while {@code delivery} ran. */
    private List<String> callsOf(Runnable delivery) {
        int before = sap.calls().size();
        delivery.run();
        return sap.calls().subList(before, sap.calls().size());
    }

    private JsonNode item(String number) {
        for (JsonNode item : sap.purchaseOrders().get(SAP_NUMBER).get("to_PurchaseOrderItem")) {
            if (item.get("PurchaseOrderItem").asString().equals(number)) {
                return item;
            }
        }
        throw new AssertionError("SAP holds no item " + number);
    }

    /** Item 10's account assignments: number, share, G/L account, cost center. */
    private List<String> assignments() {
        List<String> assignments = new ArrayList<>();
        item("10").get("to_AccountAssignment").forEach(each -> assignments.add(each.get("AccountAssignmentNumber")
            .asString() + " " + each.path("MultipleAcctAssgmtDistrPercent").asString("-") + " "
                + each.get("GLAccount").asString() + " " + each.get("CostCenter").asString()));
        return assignments;
    }
}
