package io.github.coupapoexport;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults in Coupa and the ERP that a job running every hour for years will meet. Each case ends in the state a
 * clean run leaves: every PO exported, the ERP's one accepting answer per snapshot, one open success record per PO in
 * Coupa, and the integration run successful.
 */
class FaultInjectionFunctionalTests {

    static final int PURCHASE_ORDERS = 60;

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(PURCHASE_ORDERS));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void tenPercentOfCoupaCallsAnswer503() {
        harness.coupa.faults().failEvery(10);

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10");

        assertCleanFinalState(result);
        assertThat(coupaAnswers(503)).isGreaterThanOrEqualTo(10);
    }

    @Test
    void burstOf429sIsWaitedOutAsRetryAfterAsks() {
        harness.coupa.faults().throttle(3, 1);

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10");

        assertCleanFinalState(result);
        assertThat(result.output()).contains("waiting 1 s as its Retry-After asks");
        assertThat(coupaAnswers(429)).isEqualTo(3);
    }

    @Test
    void answersSlowerThanTheReadTimeoutAreAskedAgain() {
        // A slow answer that were waited for would be an empty page: the export would end after 0 POs.
        harness.coupa.faults().slowDownGets(2, 1500);

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10", "--coupa.read-timeout=400ms");

        assertCleanFinalState(result);
        assertThat(harness.coupaRequests()).filteredOn(event -> event.getResponseDefinition().getFixedDelayMilliseconds() != null
                && event.getResponseDefinition().getFixedDelayMilliseconds() == 1500).hasSize(2);
    }

    @Test
    void tokenExpiringMidRunIsRenewedOnTheRefusedCall() {
        harness.coupa.tokensLast(25);

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10");

        assertCleanFinalState(result);
        assertThat(harness.coupa.tokensIssued()).isGreaterThanOrEqualTo(4);
        assertThat(result.output()).contains("Coupa rejected the access token; fetching a new one and trying once more");
    }

    @Test
    void truncatedPageIsReadAgainNotTakenAsTheEnd() {
        harness.coupa.faults().truncateNextPage();

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10");

        assertCleanFinalState(result);
        assertThat(harness.selectionRequests()).anySatisfy(event -> assertThat(event.getResponse().getBodyAsString())
            .startsWith("[{").doesNotEndWith("]"));
    }

    @Test
    void erpAnswering503ThreeTimesForAPoAcceptsItOnTheFourthTry() {
        String state = "Started";
        for (int attempt = 1; attempt <= 3; attempt++) {
            harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
                .withRequestBody(WireMock.matchingJsonPath("$.coupaId", WireMock.equalTo("7")))
                .inScenario("ERP busy for PO 7").whenScenarioStateIs(state).willSetStateTo("503 #" + attempt)
                .willReturn(aResponse().withStatus(503).withBody("{\"message\": \"busy\"}")));
            state = "503 #" + attempt;
        }

        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=10", "--erp.retry.max-retries=3");

        assertCleanFinalState(result);
        assertThat(harness.erp.received()).filteredOn(received -> received.document().get("coupaId").asLong() == 7)
            .extracting(Received::status).containsExactly(503, 503, 503, 201);
    }

    private long coupaAnswers(int status) {
        return harness.coupaRequests().stream().filter(event -> event.getResponse().getStatus() == status).count();
    }

    private void assertCleanFinalState(ExportJobHarness.RunResult result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.summary()).contains("read=" + PURCHASE_ORDERS, "exported=" + PURCHASE_ORDERS, "failed=0");
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        Map<String, Long> accepted = harness.erp.received().stream().filter(received -> received.status() == 201)
            .collect(Collectors.groupingBy(Received::idempotencyKey, Collectors.counting()));
        assertThat(accepted).hasSize(PURCHASE_ORDERS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
        List<Object> openSuccesses = harness.coupa.historyRecords().stream()
            .filter(record -> Boolean.FALSE.equals(record.get("resolved")) && "Success".equals(record.get("status")))
            .map(record -> record.get("document-id"))
            .toList();
        assertThat(openSuccesses).hasSize(PURCHASE_ORDERS).doesNotHaveDuplicates();
        assertThat(harness.coupa.integrationErrors()).isEmpty();
        assertThat(harness.coupa.integrationRuns()).last()
            .satisfies(run -> assertThat(run).containsEntry("status", "successful"));
    }
}
