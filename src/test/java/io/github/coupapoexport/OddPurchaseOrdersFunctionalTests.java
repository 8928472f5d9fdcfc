package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** A PO Coupa returns in an odd shape fails alone, with its reason, and never keeps the others from the ERP. */
class OddPurchaseOrdersFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void eachOddPoIsRecordedAsInvalidWithItsReasonAndEveryOtherPoIsExported() {
        // given a page in which four POs are odd, each in its own way, among two good ones
        harness.coupa.add(good(1),
                good(2).set("supplier", "Acme Industrial"),
                good(3).set("version", 3_000_000_000L),
                po(4).number("PO-1004").line(Line.quantity(41, "1", "Gloves", "2", "1E+1000000000", "EA")),
                good(5).line(Line.quantity(52, "2", "Hats", "1", "3.00", "EA")),
                good(6));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> linesOf5 = (List<Map<String, Object>>) harness.coupa.purchaseOrder(5).get("order-lines");
        linesOf5.add(null);

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.summary()).contains("read=6", "exported=2", "failed=4", "exit=3");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactlyInAnyOrder("PO-1001", "PO-1006");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 6L);
        assertThat(invalidReasons()).containsExactly(
                "PO PO-1002 cannot be sent to the ERP: Coupa's answer for it cannot be read: the field 'supplier' holds "
                        + "the text 'Acme Industrial' where an object belongs",
                "PO PO-1003 cannot be sent to the ERP: Coupa's answer for it cannot be read: the field 'version' holds "
                        + "the number 3000000000 where a whole number up to 2147483647 belongs",
                "PO PO-1004 cannot be sent to the ERP: line 1 price '1E+1000000000' is not a number an ERP can hold "
                        + "(at most 20 digits before the decimal point and 10 after)",
                "PO PO-1005 cannot be sent to the ERP: the line at position 3 is empty");

        // and they come back next run, alone
        ExportJobHarness.RunResult again = harness.run();
        assertThat(again.summary()).contains("read=4", "exported=0", "failed=4", "exit=3");
    }

    @Test
    void elementsWithoutAReadableIdAreSkippedWithAWarningAndTheRestOfThePageIsExported() {
        // given a page with a null and two elements without a readable id between two good POs
        harness.coupa.add(good(1), good(3));
        JsonMapper json = JsonMapper.builder().build();
        String page = "[" + json.writeValueAsString(harness.coupa.purchaseOrder(1))
                + ", null, {\"po-number\": \"PO-NO-ID\", \"status\": \"issued\"}, {\"id\": {\"value\": 2}}, "
                + json.writeValueAsString(harness.coupa.purchaseOrder(3)) + "]";
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .willReturn(WireMock.okJson(page)));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.summary()).contains("read=2", "exported=2", "failed=0");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 3L);
        assertThat(result.output())
            .contains("at position 2 of the page with an element that has no readable id", "skipped: null")
            .contains("at position 3 of the page", "PO-NO-ID")
            .contains("at position 4 of the page", "{\"id\":{\"value\":2}}");
    }

    @Test
    void fullPageWithASkippedElementIsNotTakenForTheLastPage() {
        // given pages of two, the first of which holds one good PO and a null
        harness.coupa.add(good(1), good(3));
        JsonMapper json = JsonMapper.builder().build();
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .withQueryParam("id[gt]", WireMock.equalTo("0"))
            .willReturn(WireMock.okJson("[" + json.writeValueAsString(harness.coupa.purchaseOrder(1)) + ", null]")));
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .withQueryParam("id[gt]", WireMock.equalTo("1"))
            .willReturn(WireMock.okJson("[" + json.writeValueAsString(harness.coupa.purchaseOrder(3)) + "]")));

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=2");

        // then the second page is read too
        assertThat(result.exitCode()).isZero();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 3L);
    }

    @Test
    void lineCoupaNoLongerReturnsIsSentAsDeletedWithTheValuesTheErpAccepted() {
        // given a PO the ERP accepted with three lines
        harness.coupa.add(po(4821)
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA"))
            .line(Line.quantity(15002, "2", "Hard hats", "10", "20.00", "EA").needBy("2026-04-01T00:00:00-07:00"))
            .line(Line.amount(15003, "3", "Installation service", "1000.00").account("01-100-8100").commodity("Services")));
        assertThat(harness.run().exitCode()).isZero();
        // and a new version from which Coupa no longer returns lines 2 and 3
        harness.coupa.change(4821, "2026-03-05T11:02:44-08:00", order -> {
            order.put("version", 2);
            ((List<?>) order.get("order-lines")).subList(1, 3).clear();
        });

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        JsonNode lines = harness.erp.received().get(1).document().get("lines");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).toString()).isEqualTo("""
                {"lineNumber":"2","coupaLineId":15002,"type":"QUANTITY","description":"Hard hats","quantity":"10",\
                "uom":"EA","unitPrice":"20.00","amount":"200.00","needByDate":"2026-04-01","accountCode":"01-100-8000",\
                "commodity":"Safety Equipment","deleted":true}""");
        assertThat(lines.get(2).toString()).isEqualTo("""
                {"lineNumber":"3","coupaLineId":15003,"type":"AMOUNT","description":"Installation service",\
                "quantity":null,"uom":null,"unitPrice":"1000.00","amount":"1000.00","needByDate":"2026-03-20",\
                "accountCode":"01-100-8100","commodity":"Services","deleted":true}""");
    }

    @Test
    void ledgerRowsThatRememberOnlyLineIdsAndNumbersStillDeleteAVanishedLine() {
        // given a PO the ERP accepted, recorded as ledger rows were before lines were kept whole
        harness.coupa.add(po(4821)
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA"))
            .line(Line.quantity(15002, "2", "Hard hats", "10", "20.00", "EA")));
        assertThat(harness.run().exitCode()).isZero();
        harness.database().update("UPDATE EXPORT_LEDGER SET SENT_LINES = "
                + "'[{\"coupaLineId\":15001,\"lineNumber\":\"1\"},{\"coupaLineId\":15002,\"lineNumber\":\"2\"}]'");
        harness.coupa.change(4821, "2026-03-05T11:02:44-08:00", order -> {
            order.put("version", 2);
            ((List<?>) order.get("order-lines")).remove(1);
        });

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        JsonNode gone = harness.erp.received().get(1).document().get("lines").get(1);
        assertThat(gone.get("coupaLineId").asLong()).isEqualTo(15002);
        assertThat(gone.get("lineNumber").asString()).isEqualTo("2");
        assertThat(gone.get("deleted").asBoolean()).isTrue();
    }

    private static CoupaPo good(long id) {
        return po(id).number("PO-" + (1000 + id)).line(Line.amount(id * 10, "1", "Consulting", "100.00"));
    }

    private List<String> invalidReasons() {
        return harness.ledger().stream()
            .filter(row -> "INVALID".equals(row.get("OUTCOME")))
            .map(row -> (String) row.get("OUTCOME_MESSAGE"))
            .toList();
    }
}
