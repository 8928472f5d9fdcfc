package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.CoupaRefusals.Call;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupa validates a PO on every update and may refuse a call for one PO: its mark, its status field, its history
 * record or integration error. That PO fails alone; every other PO is exported and reported, in this run and the
 * next, and nothing is retried in front of the others for ever.
 */
class CoupaRefusingOnePoFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(8));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void markRefusedForOnePoLeavesItUnexportedAndReportedWhileTheOthersAreExported() {
        // given
        harness.coupa.refuse(Call.MARK_EXPORTED, 3, 400);

        // when
        ExportJobHarness.RunResult first = harness.run();

        // then the run goes on and exits 3; PO 3 is in the ERP, unexported in Coupa, and its error is in Coupa
        assertThat(first.exitCode()).as(first.output()).isEqualTo(3);
        assertThat(first.summary()).contains("status=COMPLETED", "read=8", "exported=7", "failed=1");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 4L, 5L, 6L, 7L, 8L);
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(3L)).singleElement()
            .satisfies(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED");
                assertThat(row.get("COUPA_MARK")).isEqualTo("REFUSED");
                assertThat((String) row.get("COUPA_MARK_MESSAGE")).contains("Coupa refused to mark PO 3 exported",
                        "HTTP 400", "Ship to address is not valid");
            });
        assertThat(harness.coupa.integrationErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("document-id", 3).containsEntry("contact-alert-type", "Functional");
            assertThat(error.get("responses").toString()).contains("Error-COUPA-REFUSED-MARK",
                    "accepted by the ERP as ERP-3-r1", "Coupa refused to mark PO 3 exported");
        });

        // and when the next run comes, PO 3 is marked again without being sent again, and still fails alone
        ExportJobHarness.RunResult second = harness.run();
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.summary()).contains("read=1", "failed=1");
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("3")).hasSize(1);
    }

    @Test
    void markRefusedRunAfterRunNeverMakesTheErpApplyThePoAgainEvenWhenItsStatusFieldMovesUpdatedAt() {
        // given Coupa refusing PO 3's mark for good, in custom-field mode, where every status field written moves the
        // PO's updated-at and so the key of its next read
        harness.coupa.refuse(Call.MARK_EXPORTED, 3, 400);

        // when
        for (int run = 0; run < 3; run++) {
            assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isEqualTo(3);
        }

        // then the ERP applied PO 3 once; later runs found it holding the same content and only tried the mark
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("3"))
            .extracting(Received::status).containsExactly(201);
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(3L)).hasSize(3)
            .allSatisfy(row -> assertThat(row.get("COUPA_MARK")).isEqualTo("REFUSED"));
        assertThat(String.valueOf(harness.coupa.statusFields().get(3L))).contains("Coupa refused to mark PO 3 exported");
    }

    @Test
    void historyRecordRefusedForOnePoIsTriedOncePerRunAndGivenUpAfterThreeRuns() {
        // given Coupa refusing every history record of PO 5, in history mode
        harness.coupa.refuse(Call.HISTORY_RECORD, 5, 422);

        // when
        ExportJobHarness.RunResult first = harness.run("--coupa.monitoring.mode=history");

        // then every PO is exported and every other PO reported; PO 5's report was tried once
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(harness.coupa.exportedIds()).hasSize(8);
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id"))
            .containsExactlyInAnyOrder(1, 2, 3, 4, 6, 7, 8);
        assertThat(historyPostsFor(5)).isEqualTo(1);
        assertThat(first.output()).contains("Coupa refused the report of PO 5; the next run tries again");

        // and when two more runs come, each tries once, and the third gives it up
        harness.run("--coupa.monitoring.mode=history");
        ExportJobHarness.RunResult third = harness.run("--coupa.monitoring.mode=history");
        assertThat(historyPostsFor(5)).isEqualTo(3);
        assertThat(third.output()).contains("Coupa refused the report of PO 5 for the 3th run in a row; given up");
        harness.run("--coupa.monitoring.mode=history");
        assertThat(historyPostsFor(5)).isEqualTo(3);
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(5L)).singleElement()
            .satisfies(row -> assertThat((String) row.get("REPORT_FAILURE")).contains("HTTP 422"));
    }

    @Test
    void integrationErrorRefusedForARejectedPoNeverHoldsUpTheOthersReports() {
        // given the ERP rejecting PO 2 and Coupa refusing its integration error
        harness.coupa.add(CoupaPo.po(2).supplier("Globex", "SUP-BLOCKED")
            .line(CoupaPo.Line.quantity(200, "1", "Item 2", "1", "10.00", "EA")));
        harness.erp.rejectSupplier("SUP-BLOCKED", "supplier SUP-BLOCKED is blocked");
        harness.coupa.refuse(Call.INTEGRATION_ERROR, 2, 400);

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(harness.coupa.historyRecords()).hasSize(7);
        assertThat(harness.coupa.integrationErrors()).isEmpty();
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "successful"));
        assertThat(harness.erp.received()).extracting(Received::poNumber).hasSize(8);
    }

    @Test
    void reportCutOffMidwayIsNeverCreatedTwiceForThePosCoupaAlreadyTook() {
        // given Coupa cutting the connection while it takes PO 5's history record
        StubMapping cut = harness.coupa.server().stubFor(WireMock.post(WireMock.urlPathEqualTo(
                "/api/integration_history_records")).atPriority(1)
            .withRequestBody(WireMock.matchingJsonPath("$.document-id", WireMock.equalTo("5")))
            .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isEqualTo(1);

        // when Coupa answers again
        harness.coupa.server().removeStub(cut);
        ExportJobHarness.RunResult next = harness.run("--coupa.monitoring.mode=history");

        // then every PO has exactly one history record: those Coupa took before the cut were not created again
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id"))
            .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void statusFieldRefusedForOnePoLeavesTheOthersFieldsWritten() {
        // given
        harness.coupa.refuse(Call.STATUS_FIELD, 4, 400);

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.monitoring.mode=custom-field");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        Map<Long, Object> fields = harness.coupa.statusFields();
        assertThat(fields).containsOnlyKeys(1L, 2L, 3L, 5L, 6L, 7L, 8L);
        assertThat(harness.coupa.exportedIds()).hasSize(8);
    }

    private long historyPostsFor(long purchaseOrderId) {
        List<ServeEvent> posts = harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getMethod().getName().equals("POST"))
            .filter(event -> event.getRequest().getUrl().startsWith("/api/integration_history_records"))
            .toList();
        return posts.stream().filter(event -> event.getRequest().getBodyAsString()
            .contains("\"document-id\":" + purchaseOrderId + ",")).count();
    }
}
