package io.github.coupapoexport;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every Coupa integration run the job creates ends in a terminal state, and the exit code says so when it could not
 * be ended. (A run left running by a killed process is failed by the next run: {@code OperationScenarios}.)
 */
class IntegrationRunEndFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(3));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void runWhoseSuccessCoupaNeverTakesExits1AndIsEndedSuccessfulByTheNextRun() {
        // given Coupa failing every try of the run's success call
        StubMapping successFails = harness.coupa.server().stubFor(WireMock.put(WireMock.urlPathMatching(
                "/api/integration_runs/\\d+/success")).atPriority(1).willReturn(aResponse().withStatus(503)));

        // when
        ExportJobHarness.RunResult first = harness.run();

        // then the export is done, but the exit code does not say all is well
        assertThat(harness.coupa.exportedIds()).hasSize(3);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(1);
        assertThat(first.summary()).contains("status=COMPLETED", "exit=1",
                "Coupa integration run 901 could not be marked successful");
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "running"));

        // and when Coupa is back, the next run ends it as it was meant to end
        harness.coupa.server().removeStub(successFails);
        ExportJobHarness.RunResult second = harness.run();
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(harness.coupa.integrationRuns()).extracting(run -> run.get("status"))
            .containsExactly("successful", "successful");
    }

    @Test
    void recoverEndsARunThatAnEarlierExecutionCouldNotEnd() {
        // given
        StubMapping successFails = harness.coupa.server().stubFor(WireMock.put(WireMock.urlPathMatching(
                "/api/integration_runs/\\d+/success")).atPriority(1).willReturn(aResponse().withStatus(503)));
        assertThat(harness.run().exitCode()).isEqualTo(1);
        harness.coupa.server().removeStub(successFails);

        // when
        ExportJobHarness.RunResult recover = harness.run("recover");

        // then
        assertThat(recover.exitCode()).as(recover.output()).isZero();
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "successful"));
    }

    @Test
    void failureWhileCountingTheSelectionShowsInCoupaAsAFailedRun() {
        // given a broken page while the selection is counted, after Coupa gave the job a token
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .withQueryParam("fields", WireMock.equalTo("[\"id\"]"))
            .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "failed"));
        assertThat(harness.erp.received()).isEmpty();
    }
}
