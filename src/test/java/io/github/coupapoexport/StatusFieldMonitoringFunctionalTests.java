package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Fault;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's monitoring option 1, a status custom field on each PO, asserted on the requests Coupa received: a clean run,
 * rejected POs, a PO that failed last run and succeeds now, a job that fails midway, and a stopped job.
 */
class StatusFieldMonitoringFunctionalTests extends MonitoringFixture {

    @Test
    void successWritesTimeAndErpDocumentIntoTheStatusFieldAfterMarkingExported() {
        harness.coupa.add(issued(1));

        assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isZero();

        List<String> puts = harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getMethod().getName().equals("PUT"))
            .map(event -> event.getRequest().getUrl().split("\\?")[0] + " " + event.getRequest().getBodyAsString())
            .toList();
        assertThat(puts).hasSize(2);
        assertThat(puts.get(0)).isEqualTo("/api/purchase_orders/1 ");
        assertThat(puts.get(1)).startsWith("/api/purchase_orders/1 ");
        assertThat(statusField(1)).matches("Success \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: ERP document ERP-1-r1");
        var write = request("PUT", "/api/purchase_orders/1", 1);
        assertThat(write.queryParameter("fields").firstValue()).isEqualTo("[\"id\",\"exported\",{\"custom_fields\":{}}]");
        assertThat(harness.coupa.integrationRuns()).isEmpty();
        assertThat(harness.coupa.historyRecords()).isEmpty();
    }

    @Test
    void failureWritesTheReasonCutToTheFieldLength() {
        String longReason = "Cost center 4711 is closed for postings in period 11/2026. ".repeat(10);
        harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .willReturn(aResponse().withStatus(422).withBody("{\"message\": \"" + longReason + "\"}")));
        harness.coupa.add(issued(1));

        assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isEqualTo(3);

        assertThat(statusField(1)).hasSize(255)
            .matches("Error \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ: PO 1 was rejected by the ERP \\(HTTP 422\\): Cost center 4711 .*\\.\\.\\.");
        assertThat(harness.coupa.isExported(1)).isFalse();
    }

    @Test
    void poThatFailedLastRunAndSucceedsNowShowsSuccess() {
        harness.coupa.add(issued(7).supplier("Globex", null));
        assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isEqualTo(3);
        assertThat(statusField(7)).contains("supplier 'Globex' has no supplier number in Coupa");
        harness.coupa.change(7, "2026-03-03T10:00:00-08:00", order -> order.put("supplier",
                Map.of("id", 12, "name", "Globex", "number", "SUP-0012")));

        assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isZero();

        assertThat(statusField(7)).startsWith("Success ").endsWith(": ERP document ERP-7-r1");
    }

    @Test
    void jobFailingMidwayWritesTheFailuresItHad() {
        harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        harness.coupa.add(issued(1), issued(2), issued(3));

        assertThat(harness.run("--coupa.monitoring.mode=custom-field").exitCode()).isEqualTo(1);

        for (long id = 1; id <= 3; id++) {
            assertThat(statusField(id)).contains("could not be sent: the ERP did not answer after retries");
        }
    }

    @Test
    void stoppedJobHasWrittenEveryPoItFinished() {
        harness.coupa.add(issued(1), issued(2), issued(3), issued(4));
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 1) {
                harness.run("stop", "--coupa.monitoring.mode=custom-field", "--coupa.page-size=2");
            }
        });

        assertThat(harness.run("--coupa.monitoring.mode=custom-field", "--coupa.page-size=2").exitCode()).isEqualTo(4);

        assertThat(statusField(1)).startsWith("Success ");
        assertThat(statusField(2)).startsWith("Success ");
        assertThat(statusField(3)).isNull();
    }
}
