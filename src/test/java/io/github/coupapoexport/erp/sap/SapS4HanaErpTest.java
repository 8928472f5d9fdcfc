package io.github.coupapoexport.erp.sap;

import java.util.List;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.sandbox.FakeSap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.erp.sap.SapDocuments.MAX_RETRIES;
import static io.github.coupapoexport.erp.sap.SapDocuments.adapter;
import static io.github.coupapoexport.erp.sap.SapDocuments.document;
import static io.github.coupapoexport.erp.sap.SapDocuments.gloves;
import static io.github.coupapoexport.erp.sap.SapDocuments.installation;
import static io.github.coupapoexport.erp.sap.SapDocuments.settings;
import static io.github.coupapoexport.erp.sap.SapDocuments.startedSap;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create reaches SAP as the one deep insert its purchase order service takes, through SAP Gateway's CSRF
 * protection, never twice; and SAP's answers become the job's: accepted with SAP's number, rejected with every
 * message, refused setup, or unreachable after the retries.
 */
class SapS4HanaErpTest {

    private static final String KEY = "coupa-4821-1-2026-03-02T09:20:11-08:00";

    private final JsonMapper json = JsonMapper.builder().build();

    private FakeSap sap = startedSap(false);

    @AfterEach
    void stop() {
        sap.stop();
    }

    @Test
    void createIsOneDeepInsertWithDecimalsAsStringsAndODataDatesAndKeepsSapsNumber() {
        // given
        ErpPurchaseOrder po = document(ErpAction.CREATE, "jdoe", gloves("50"), installation("Installation service"));

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, po, null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4500000001", false));
        assertThat(sap.created()).containsExactly(json.readTree("""
                {"CompanyCode": "1010", "PurchaseOrderType": "NB", "Supplier": "SUP-0077",
                 "PurchasingOrganization": "1010", "PurchasingGroup": "001", "DocumentCurrency": "USD",
                 "PaymentTerms": "NT45", "CorrespncExternalReference": "4821",
                 "to_PurchaseOrderItem": [
                   {"PurchaseOrderItem": "10", "PurchaseOrderItemText": "Safety gloves, L", "OrderQuantity": "50",
                    "PurchaseOrderQuantityUnit": "EA", "NetPriceAmount": "5.00", "Plant": "1010",
                    "RequisitionerName": "jdoe", "AccountAssignmentCategory": "K",
                    "to_AccountAssignment": [{"AccountAssignmentNumber": "01", "GLAccount": "61000000",
                                              "CostCenter": "10101101"}],
                    "to_ScheduleLine": [{"ScheduleLine": "1", "ScheduleLineDeliveryDate": "/Date(1773964800000)/",
                                         "ScheduleLineOrderQuantity": "50"}]},
                   {"PurchaseOrderItem": "20", "PurchaseOrderItemText": "Installation service",
                    "OrderQuantity": "1", "PurchaseOrderQuantityUnit": "EA", "NetPriceAmount": "1000.00",
                    "Plant": "1010", "RequisitionerName": "jdoe"}]}"""));
        assertThat(sap.calls()).containsExactly("GET /",
                "GET /A_PurchaseOrder?$top=1&$filter=CorrespncExternalReference eq '4821'", "POST /A_PurchaseOrder");
    }

    @Test
    void documentKeptByAnOlderVersionThatNoLongerReadsIsRejectedWithoutAskingSap() {
        // when a resend carries a ledger document of a shape this version does not know
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.again(KEY, "{\"lines\": null}", null));

        // then the PO fails alone, to be mapped afresh next run, and SAP heard nothing
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Rejected.class,
                rejected -> assertThat(rejected.message()).contains("cannot be read"));
        assertThat(sap.calls()).isEmpty();
    }

    @Test
    void withExternalNumberingTheCoupaNumberIsTheSapNumberAndTheLookUpIsByKey() {
        // given
        sap.stop();
        sap = startedSap(true);

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50")),
                null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4821", false));
        assertThat(sap.created()).singleElement().satisfies(body -> assertThat(body.get("PurchaseOrder").asString())
            .isEqualTo("4821"));
        assertThat(sap.calls()).containsExactly("GET /", "GET /A_PurchaseOrder('4821')", "POST /A_PurchaseOrder");
    }

    @Test
    void expiredCsrfTokenIsFetchedAgainOnceAndTheCreateThenGoesThrough() {
        // given a session whose token SAP forgot since (its session timed out)
        SapS4HanaErp adapter = adapter(sap);
        adapter.deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50")), null));
        sap.expireTokens();

        // when
        ErpPurchaseOrder other = new ErpPurchaseOrder("coupa", 4822, "4822", 1, ErpAction.CREATE, "issued", "USD",
                "250.00", null, null, null, null, List.of(gloves("50")));
        ErpAnswer answer = adapter.deliver(ErpDelivery.of("coupa-4822-1", other, null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4500000002", false));
        assertThat(sap.calls().subList(3, sap.calls().size())).containsExactly(
                "GET /A_PurchaseOrder?$top=1&$filter=CorrespncExternalReference eq '4822'", "POST /A_PurchaseOrder",
                "GET /", "POST /A_PurchaseOrder");
        assertThat(sap.purchaseOrders()).hasSize(2);
    }

    @Test
    void createWhoseAnswerWasLostIsFoundByTheLookUpAndNotCreatedTwice() {
        // given SAP applies the create, and its answer never arrives
        sap.loseNextCreateAnswer();

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50")),
                null));

        // then the next attempt looks it up and takes SAP's number
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(200, "4500000001", true));
        assertThat(sap.created()).hasSize(1);
        assertThat(sap.purchaseOrders()).containsOnlyKeys("4500000001");
    }

    @Test
    void textsOverSapsLengthsAreCutAndTheFullDescriptionKeptInAnItemNote() {
        // given
        String description = "Installation service for the north dock conveyor, two technicians, two days";
        ErpPurchaseOrder po = document(ErpAction.CREATE, "jonathan.doe-smith", installation(description));

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, po, null));

        // then SAP takes it
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "4500000001", false));
        JsonNode item = sap.created().get(0).get("to_PurchaseOrderItem").get(0);
        assertThat(item.get("PurchaseOrderItemText").asString()).isEqualTo(
                "Installation service for the north do...").hasSize(40);
        assertThat(item.get("RequisitionerName").asString()).isEqualTo("jonathan....").hasSize(12);
        assertThat(item.get("to_PurchaseOrderItemNote")).isEqualTo(json.readTree("""
                [{"TextObjectType": "F01", "Language": "EN", "PlainLongText": "%s"}]""".formatted(description)));
    }

    @Test
    void sapsErrorRejectsThePoWithEveryMessageOnce() {
        // given a document SAP refuses for two reasons (a G/L account too long is refused before SAP: see
        // SapAccountAssignmentsTest)
        ErpPurchaseOrder po = new ErpPurchaseOrder("coupa", 4821, "4821", 1, ErpAction.CREATE, "issued", "USD",
                "250.00", new ErpPurchaseOrder.Supplier("SUP-0077-ACME-WEST", "Acme"), "NET 45", null, null,
                List.of(new ErpPurchaseOrder.Line("1", 15001, "QUANTITY", "Gloves", "1", "EA", "5.00",
                        "5.00", null, "61000000", null, false)));

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, po, null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(400, "Value 'NET 45' of property 'PaymentTerms' exceeds"
                + " the maximum length of 4; Value 'SUP-0077-ACME-WEST' of property 'Supplier' exceeds the maximum"
                + " length of 10"));
        assertThat(sap.calls()).filteredOn(call -> call.startsWith("POST")).hasSize(1);
    }

    @Test
    void refusedCredentialsAreASetupErrorAndAreNotRetried() {
        // when
        ErpAnswer answer = adapter(settings(sap, FakeSap.SERVICE, "wrong-password")).deliver(ErpDelivery.of(KEY,
                document(ErpAction.CREATE, "jdoe", gloves("50")), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Refused(401, "SAP refused the job's credentials: GET "
                + sap.baseUrl() + FakeSap.SERVICE + "/ answered HTTP 401"));
        assertThat(sap.calls()).hasSize(1);
    }

    @Test
    void serviceThatIsNotThereIsASetupError() {
        // when
        ErpAnswer answer = adapter(settings(sap, "/sap/opu/odata/sap/API_PO_SRV", FakeSap.PASSWORD)).deliver(
                ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50")), null));

        // then
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Refused.class, refused -> assertThat(refused.reason())
            .startsWith("SAP has no such service: GET " + sap.baseUrl() + "/sap/opu/odata/sap/API_PO_SRV/"));
        assertThat(sap.created()).isEmpty();
    }

    @Test
    void unavailableSapIsAskedAgainThenUnreachable() {
        // given
        sap.failNext(503, 10);

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, document(ErpAction.CREATE, "jdoe", gloves("50")),
                null));

        // then
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Unreachable.class, unreachable -> assertThat(
                unreachable.reason()).contains("answered HTTP 503"));
        assertThat(sap.calls()).hasSize(MAX_RETRIES + 1);
        assertThat(sap.created()).isEmpty();
    }

    @Test
    void poSapCannotTakeIsRejectedWithoutAskingSap() {
        // given external numbering, and a Coupa PO number longer than SAP's 10 characters
        sap.stop();
        sap = startedSap(true);
        ErpPurchaseOrder po = new ErpPurchaseOrder("coupa", 4821, "PO-2026-004821", 1, ErpAction.CREATE, "issued",
                "USD", "250.00", null, null, null, null, List.of(gloves("50")));

        // when
        ErpAnswer answer = adapter(sap).deliver(ErpDelivery.of(KEY, po, null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(400, "not sent to SAP: PO number PO-2026-004821 has"
                + " more than 10 characters: it cannot be the SAP PO number (erp.sap.numbering=external)"));
        assertThat(sap.calls()).isEmpty();
    }
}
