package io.github.coupapoexport;

import java.util.List;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeCoupa;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coupa's token endpoint, answering as real ones do when busy, down or refusing: only a refusal of the credentials is
 * a setup error (exit 2); everything passing is retried like any Coupa call, then fails the run (exit 1) naming the
 * token endpoint. Each scenario is a stub in front of the fake Coupa, whose own token answer takes over when it ends.
 */
class CoupaTokenEndpointFunctionalTests {

    private static final String SCOPES = "[core.purchase_order.read, core.purchase_order.write, core.integration.read, "
            + "core.integration.write]";

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void onePurchaseOrder() {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void tokenEndpointAnswering429IsWaitedOutAsRetryAfterAsksAndTheRunCompletes() {
        // given a token endpoint that is busy once and asks for a second's patience
        harness.coupa.server().stubFor(tokenRequest().inScenario("busy").whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("answered")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(harness.erp.received()).hasSize(1);
        List<ServeEvent> tokenRequests = tokenRequests();
        assertThat(tokenRequests).extracting(event -> event.getResponse().getStatus()).startsWith(429, 200);
        assertThat(tokenRequests.get(1).getRequest().getLoggedDate().getTime()
                - tokenRequests.get(0).getRequest().getLoggedDate().getTime()).isGreaterThanOrEqualTo(900);
    }

    @Test
    void tokenEndpointAnswering503EveryTimeFailsTheRunAfterRetriesNamingTheTokenEndpoint() {
        // given
        harness.coupa.server().stubFor(tokenRequest().willReturn(aResponse().withStatus(503)
            .withHeader("Content-Type", "text/html").withBody("<html><body>Down for maintenance</body></html>")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then every attempt of the first call asked for a token: six, with Coupa's five retries
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("status=FAILED", "exit=1",
                "POST " + harness.coupa.baseUrl() + "/oauth2/token answered HTTP 503: <html><body>Down for maintenance");
        assertThat(tokenRequests().size()).isGreaterThanOrEqualTo(6);
        assertThat(harness.erp.received()).isEmpty();
    }

    @Test
    void tokenEndpointNeverAnsweringInTimeFailsTheRunNamingTheTokenEndpoint() {
        // given
        harness.coupa.server().stubFor(tokenRequest().willReturn(aResponse().withStatus(200).withFixedDelay(1000)));

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.read-timeout=200ms", "--coupa.retry.max-retries=1");

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("exit=1", "reason=\"POST " + harness.coupa.baseUrl()
                + "/oauth2/token got no answer");
    }

    @ParameterizedTest(name = "HTTP {0} {1}")
    @CsvSource(delimiter = '|', value = {
        "401 | {\"error\": \"invalid_client\", \"error_description\": \"Client authentication failed\"} | invalid_client (HTTP 401: Client authentication failed)",
        "400 | {\"error\": \"invalid_scope\"}                                                        | invalid_scope (HTTP 400)",
        "400 | {\"error\": \"unauthorized_client\"}                                                  | unauthorized_client (HTTP 400)",
        "403 | <html><body>Forbidden</body></html>                                                   | HTTP 403 <html><body>Forbidden</body></html>"})
    void refusedCredentialsAreAskedOnceAndExitWith2NamingClientAndScopes(int status, String body, String reason) {
        // given
        harness.coupa.server().stubFor(tokenRequest().willReturn(aResponse().withStatus(status).withBody(body)));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.summary()).contains("exit=2", "Coupa refused the client credentials of client id '"
                + FakeCoupa.CLIENT_ID + "' for scopes " + SCOPES + " at " + harness.coupa.baseUrl() + "/oauth2/token: "
                + reason);
        assertThat(result.output()).doesNotContain(FakeCoupa.CLIENT_SECRET);
        assertThat(tokenRequests()).hasSize(1);
        assertThat(harness.erp.received()).isEmpty();
    }

    @Test
    void malformedTokenRequestIsAFailureNotARefusalOfTheCredentials() {
        // given a token endpoint that finds the request itself wrong, as a proxy in front of it might
        harness.coupa.server().stubFor(tokenRequest().willReturn(aResponse().withStatus(400)
            .withBody("{\"error\": \"invalid_request\"}")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("exit=1", "POST " + harness.coupa.baseUrl()
                + "/oauth2/token answered HTTP 400: {\"error\": \"invalid_request\"}".replace('"', '\''));
    }

    /** Token requests in front of the fake Coupa's own answer, which takes every request no stub takes. */
    private static MappingBuilder tokenRequest() {
        return WireMock.post(WireMock.urlPathEqualTo("/oauth2/token")).atPriority(1);
    }

    private List<ServeEvent> tokenRequests() {
        return harness.coupaRequests().stream()
            .filter(event -> event.getRequest().getUrl().equals("/oauth2/token"))
            .toList();
    }
}
