package io.github.coupapoexport;

import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's monitoring option 2, a history record per outcome, asserted on the requests Coupa received: a clean run,
 * rejected POs, a PO that failed last run and succeeds now, a job that fails midway, and a stopped job.
 */
class HistoryMonitoringFunctionalTests extends MonitoringFixture {

    @Test
    void cleanRunCreatesAHistoryRecordPerPoWithoutARun() {
        harness.coupa.add(issued(1));

        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isZero();

        assertThat(monitoringCalls()).containsExactly("GET /api/integration_history_records",
                "POST /api/integration_history_records");
        assertThat(body("POST", "/api/integration_history_records", 0)).isEqualTo(json("""
                {"document-type": "OrderHeader", "document-id": 1, "document-status": "issued",
                 "contact-alert-type": "Functional", "status": "Success",
                 "responses": [{"response-code": "Success-201",
                                "response-message": "PO 1 (CREATE) accepted by the ERP as ERP-1-r1"}],
                 "integration": {"code": "PO_TO_ERP"}}"""));
        assertThat(harness.coupa.integrationRuns()).isEmpty();
    }

    @Test
    void rejectedPoIsAnErrorRecordThatAlertsTheContacts() {
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked");
        harness.coupa.add(issued(2).supplier("Initech", "SUP-0666"));

        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isEqualTo(3);

        assertThat(body("POST", "/api/integration_history_records/create_alert", 0)).isEqualTo(json("""
                {"document-type": "OrderHeader", "document-id": 2, "document-status": "issued",
                 "contact-alert-type": "Functional", "status": "Error",
                 "responses": [{"response-code": "Error-422",
                                "response-message": "PO 2 was rejected by the ERP (HTTP 422): Supplier SUP-0666 is blocked"}],
                 "integration": {"code": "PO_TO_ERP"}}"""));
    }

    @Test
    void poThatFailedLastRunAndSucceedsNowHasItsErrorRecordResolved() {
        harness.coupa.add(issued(7).supplier("Globex", null));
        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isEqualTo(3);
        harness.coupa.change(7, "2026-03-03T10:00:00-08:00", order -> order.put("supplier",
                Map.of("id", 12, "name", "Globex", "number", "SUP-0012")));
        harness.coupa.server().resetRequests();

        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isZero();

        // the new record first, so that a PO whose new record Coupa refused keeps its open one
        assertThat(monitoringCalls()).containsExactly("GET /api/integration_history_records",
                "POST /api/integration_history_records", "PUT /api/integration_history_records/5001/resolve");
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("status"),
                record -> record.get("resolved"), record -> record.get("alerted"))
            .containsExactly(Tuple.tuple("Error", true, true),
                    Tuple.tuple("Success", false, false));
    }

    @Test
    void jobFailingMidwayStillReportsTheOutcomesItHad() {
        harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        harness.coupa.add(issued(1), issued(2), issued(3));

        assertThat(harness.run("--coupa.monitoring.mode=history").exitCode()).isEqualTo(1);

        assertThat(harness.coupa.historyRecords()).hasSize(3).allSatisfy(record -> assertThat(record)
            .containsEntry("status", "Error").containsEntry("alerted", true)
            .containsEntry("contact-alert-type", "Technical"));
    }

    @Test
    void stoppedJobHasReportedEveryPoItFinished() {
        harness.coupa.add(issued(1), issued(2), issued(3), issued(4));
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 1) {
                harness.run("stop", "--coupa.monitoring.mode=history", "--coupa.page-size=2");
            }
        });

        assertThat(harness.run("--coupa.monitoring.mode=history", "--coupa.page-size=2").exitCode()).isEqualTo(4);

        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id")).containsExactlyInAnyOrder(1, 2);
    }
}
