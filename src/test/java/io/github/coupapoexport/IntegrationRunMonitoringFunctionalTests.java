package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.FakeCoupa;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's monitoring option 3, an integration run per execution, asserted on the requests Coupa received: a clean run,
 * rejected POs, a PO that failed last run and succeeds now, a job that fails midway, and a stopped job.
 */
class IntegrationRunMonitoringFunctionalTests extends MonitoringFixture {

    @Test
    void cleanRunIsOneSuccessfulRunWithAHistoryRecordPerPo() {
        // given
        harness.coupa.add(issued(1), issued(2));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(monitoringCalls()).containsExactly(
                "POST /api/integration_runs",
                "PUT /api/integration_runs/901/run",
                "GET /api/integration_history_records",
                "GET /api/integration_errors",
                "POST /api/integration_history_records",
                "POST /api/integration_history_records",
                "PUT /api/integration_runs/901",
                "PUT /api/integration_runs/901/success");
        assertThat(body("POST", "/api/integration_runs", 0)).isEqualTo(json("""
                {"integration": {"code": "PO_TO_ERP"}}"""));
        assertThat(body("PUT", "/api/integration_runs/901/run", 0)).isEqualTo(json("""
                {"total_records": 2}"""));
        // The POs of a batch are reported at the same time: PO 1's record is either of the two.
        assertThat(List.of(body("POST", "/api/integration_history_records", 0),
                body("POST", "/api/integration_history_records", 1))).contains(json("""
                {"document-type": "OrderHeader", "document-id": 1, "document-status": "issued",
                 "contact-alert-type": "Functional", "status": "Success",
                 "responses": [{"response-code": "Success-201",
                                "response-message": "PO 1 (CREATE) accepted by the ERP as ERP-1-r1"}],
                 "integration": {"code": "PO_TO_ERP"}, "integration-run": {"id": 901}}"""));
        assertThat(body("PUT", "/api/integration_runs/901", 0)).isEqualTo(json("""
                {"records-processed": 2}"""));
        var lookup = request("GET", "/api/integration_history_records", 0);
        assertThat(lookup.queryParameter("document-id[in]").firstValue()).isEqualTo("1,2");
        assertThat(lookup.queryParameter("resolved").firstValue()).isEqualTo("false");
        assertThat(lookup.queryParameter("document-type").firstValue()).isEqualTo("OrderHeader");
        assertThat(lookup.queryParameter("integration[code]").firstValue()).isEqualTo("PO_TO_ERP");
        assertThat(harness.coupa.integrationRuns()).singleElement().satisfies(run -> assertThat(run)
            .containsEntry("status", "successful").containsEntry("total-records", 2)
            .containsEntry("records-processed", 2));
    }

    @Test
    void coupaRefusingToCreateTheRunFailsTheJobNamingTheCallBeforeAnyPoIsSent() {
        // given an integration code Coupa does not know
        harness.coupa.add(issued(1));
        harness.coupa.server().stubFor(WireMock.post(urlPathEqualTo("/api/integration_runs")).atPriority(1)
            .willReturn(aResponse().withStatus(422)
                .withBody("{\"errors\":{\"integration\":[\"Integration PO_TO_ERP not found\"]}}")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("status=FAILED", "POST " + harness.coupa.baseUrl()
                + "/api/integration_runs answered HTTP 422", "Integration PO_TO_ERP not found");
        assertThat(harness.erp.received()).isEmpty();
        assertThat(harness.coupa.isExported(1)).isFalse();
    }

    @Test
    void rejectedPosAreIntegrationErrorsOfTheRunWithAnAlertAndTheRunStillSucceeds() {
        // given
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked");
        harness.coupa.add(issued(1), issued(2).supplier("Initech", "SUP-0666"), issued(3).supplier("Globex", null));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        // The POs of a batch are reported at the same time: in either order.
        assertThat(List.of(body("POST", "/api/integration_errors/create_alert", 0),
                body("POST", "/api/integration_errors/create_alert", 1))).containsExactlyInAnyOrder(json("""
                {"document-type": "OrderHeader", "document-id": 2, "document-status": "issued",
                 "contact-alert-type": "Functional", "status": "Error",
                 "responses": [{"response-code": "Error-422",
                                "response-message": "PO 2 was rejected by the ERP (HTTP 422): Supplier SUP-0666 is blocked"}],
                 "integration-run-id": "901"}"""), json("""
                {"document-type": "OrderHeader", "document-id": 3, "document-status": "issued",
                 "contact-alert-type": "Functional", "status": "Error",
                 "responses": [{"response-code": "Error-INVALID-PO",
                                "response-message": "PO 3 cannot be sent to the ERP: supplier 'Globex' has no supplier number in Coupa"}],
                 "integration-run-id": "901"}"""));
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id")).containsExactly(1);
        assertThat(harness.coupa.integrationRuns().get(0)).containsEntry("status", "successful");
    }

    @Test
    void poThatFailedLastRunAndSucceedsNowHasItsOpenRecordsResolved() {
        // given a PO the ERP rejected last run, and an open record from before this tool
        StubMapping rejection = harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .willReturn(aResponse().withStatus(422).withBody("{\"message\": \"Cost center closed\"}")));
        harness.coupa.add(issued(1));
        harness.coupa.addOpenHistoryRecord(1, FakeCoupa.INTEGRATION_CODE, "Error");
        assertThat(harness.run().exitCode()).isEqualTo(3);
        assertThat(harness.coupa.integrationErrors()).singleElement()
            .satisfies(error -> assertThat(error).containsEntry("resolved", false).containsEntry("alerted", true));

        // when the ERP accepts it
        harness.erp.server().removeStub(rejection);
        harness.coupa.server().resetRequests();
        ExportJobHarness.RunResult result = harness.run();

        // then the error of the first run is resolved and a success recorded in the second run
        assertThat(result.exitCode()).isZero();
        assertThat(monitoringCalls()).containsExactly(
                "POST /api/integration_runs",
                "PUT /api/integration_runs/902/run",
                "GET /api/integration_history_records",
                "GET /api/integration_errors",
                "POST /api/integration_history_records",
                "PUT /api/integration_errors/5002/resolve",
                "PUT /api/integration_runs/902",
                "PUT /api/integration_runs/902/success");
        assertThat(harness.coupa.integrationErrors()).allSatisfy(error -> assertThat(error).containsEntry("resolved", true));
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("status"), record -> record.get("resolved"))
            .containsExactly(Tuple.tuple("Error", true),
                    Tuple.tuple("Success", false));
    }

    @Test
    void jobFailingMidwayMarksItsRunFailedAndReportsWhatHappenedSoFar() {
        // given an ERP that is down
        harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        harness.coupa.add(issued(1), issued(2), issued(3), issued(4));

        // when (one PO at a time, so that the outage is the first three)
        ExportJobHarness.RunResult result = harness.run("--export.concurrency=1");

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "failed").containsEntry("records-processed", 3));
        assertThat(harness.coupa.integrationErrors()).hasSize(3).allSatisfy(error -> assertThat(error)
            .containsEntry("contact-alert-type", "Technical").containsEntry("integration-run-id", "901"));
        assertThat(body("POST", "/api/integration_errors/create_alert", 0).get("responses").get(0)
            .get("response-code").asString()).isEqualTo("Error-ERP-UNREACHABLE");
    }

    @Test
    void stoppedJobMarksItsRunFailedAndTheResumedExecutionGetsARunOfItsOwn() {
        // given six POs in pages of two, and an operator who stops the job while PO 3 is being sent
        harness.coupa.add(issued(1), issued(2), issued(3), issued(4), issued(5), issued(6));
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 3) {
                assertThat(harness.run("stop", "--coupa.page-size=2").exitCode()).isZero();
            }
        });

        // when
        ExportJobHarness.RunResult stopped = harness.run("--coupa.page-size=2");

        // then the chunk in progress finishes and the job stops, resumable
        assertThat(stopped.exitCode()).isEqualTo(4);
        assertThat(stopped.summary()).contains("status=STOPPED", "read=4", "exported=4");
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "failed").containsEntry("total-records", 6));

        // and when the scheduler reruns it
        harness.erp.beforeAnswering(document -> {
        });
        ExportJobHarness.RunResult resumed = harness.run("--coupa.page-size=2");
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.summary()).contains("read=6", "exported=6");
        assertThat(harness.coupa.integrationRuns()).extracting(run -> run.get("status"), run -> run.get("total-records"))
            .containsExactly(Tuple.tuple("failed", 6),
                    Tuple.tuple("successful", 2));
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id"))
            .containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    void outcomeTheErpAcceptedIsReportedByTheNextRunWhenCoupaStoppedAnsweringBeforeReportingIt() {
        // given a Coupa that fails the history record call once the ERP accepted PO 1
        harness.coupa.add(issued(1));
        StubMapping monitoringDown = harness.coupa.server().stubFor(WireMock.post(
                urlPathEqualTo("/api/integration_history_records")).atPriority(1)
            .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
        ExportJobHarness.RunResult failed = harness.run();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(harness.coupa.isExported(1)).isTrue();
        assertThat(harness.ledger().get(0).get("REPORTED_AT")).isNull();

        // when Coupa answers again
        harness.coupa.server().removeStub(monitoringDown);
        ExportJobHarness.RunResult resumed = harness.run();

        // then the outcome is reported in the new run, and the ERP did not see the PO again
        assertThat(resumed.exitCode()).isZero();
        assertThat(harness.coupa.historyRecords()).singleElement().satisfies(record -> assertThat(record)
            .containsEntry("document-id", 1).containsEntry("status", "Success")
            .containsEntry("integration-run", Map.of("id", 902)));
        assertThat(harness.erp.received()).hasSize(1);
        assertThat(harness.ledger().get(0).get("REPORTED_AT")).isNotNull();
    }
}
