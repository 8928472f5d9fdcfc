package io.github.coupapoexport.erp.rest;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.erp.ErpDelivery;
import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.mapping.ErpAction;
import io.github.coupapoexport.mapping.ErpPurchaseOrder;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the job makes of each answer an ERP, or whatever stands in front of it, can give: only the contract's answers
 * count as acceptances, a wrong setup is told from a refused document, and only passing faults are asked again.
 */
class RestErpTest {

    private static final String KEY = "coupa-4821-2-2026-03-01T10:00:00Z";

    private static final String PASSWORD = "erp-pass-9a7e";

    private static final int MAX_RETRIES = 2;

    private final WireMockServer erp = new WireMockServer(wireMockConfig().dynamicPort());

    private RestErp client;

    @BeforeEach
    void start() {
        erp.start();
        client = erpClient(erp.baseUrl());
    }

    @AfterEach
    void stop() {
        erp.stop();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"401", "403"})
    void refusedCredentialsAreASetupErrorNamingTheErpAndTheStatusAndAreNotRetried(int status) {
        // given
        erp.stubFor(documents().willReturn(aResponse().withStatus(status)
            .withBody("{\"message\": \"bad credentials for erp-user\"}")));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Refused(status, "the ERP refused the job's credentials: POST "
                + erp.baseUrl() + "/purchase-orders answered HTTP " + status));
        assertThat(answer.toString()).doesNotContain(PASSWORD);
        assertThat(erp.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({"404", "405"})
    void missingEndpointIsASetupErrorAndIsNotRetried(int status) {
        // given
        erp.stubFor(documents().willReturn(aResponse().withStatus(status).withBody("Not Found")));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Refused(status, "the ERP has no such endpoint: POST "
                + erp.baseUrl() + "/purchase-orders answered HTTP " + status));
        assertThat(erp.getAllServeEvents()).hasSize(1);
    }

    @Test
    void notFoundWithTheErpsOwnReasonRejectsThisDocumentAlone() {
        // given an ERP that validates the document and names what it cannot find
        erp.stubFor(documents().willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
            .withBody("{\"message\": \"Supplier SUP-0450 not found\"}")));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Rejected(404, "Supplier SUP-0450 not found"));
        assertThat(erp.getAllServeEvents()).hasSize(1);
    }

    @Test
    void errorObjectAnswered200IsNotAnAcceptance() {
        // given a gateway in front of the ERP answering 200 with its own error, once
        answerOnceThenAccept(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"error\": \"login_required\"}"));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then it is asked again under the same key, and only the ERP's own answer counts
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "ERP-4821", false));
        assertThat(keysReceived()).containsExactly(KEY, KEY);
    }

    @Test
    void requestTimeoutIsAskedAgain() {
        // given
        answerOnceThenAccept(aResponse().withStatus(408));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(201, "ERP-4821", false));
        assertThat(keysReceived()).containsExactly(KEY, KEY);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "200 | text/html        | <html><head><title>Sign in</title></head><body><form action=/sso>...</form></body></html>",
        "200 | application/json | [{\"erpDocumentId\": \"ERP-4821\"}]",
        "201 | text/plain       | Created"})
    void successAnswerThatIsNotTheContractsJsonIsNotAnAcceptanceButAskedAgainThenUnreachable(int status,
            String contentType, String body) {
        // given something in front of the ERP answering every document, e.g. a single sign-on page
        erp.stubFor(documents().willReturn(aResponse().withStatus(status).withHeader("Content-Type", contentType)
            .withBody(body)));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isInstanceOfSatisfying(ErpAnswer.Unreachable.class, unreachable -> assertThat(
                unreachable.reason()).startsWith("POST " + erp.baseUrl() + "/purchase-orders answered HTTP " + status
                        + " with Content-Type " + contentType + ", not a JSON object: ").hasSizeLessThan(250));
        assertThat(keysReceived()).hasSize(MAX_RETRIES + 1).containsOnly(KEY);
    }

    @Test
    void maintenancePageAnsweredOnceIsAskedAgainAndTheErpsEmptyAcceptanceThenCounts() {
        // given
        erp.stubFor(documents().inScenario("maintenance").whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("back")
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<html><body>Back in five minutes</body></html>")));
        erp.stubFor(documents().inScenario("maintenance").whenScenarioStateIs("back")
            .willReturn(aResponse().withStatus(204)));

        // when
        ErpAnswer answer = client.deliver(ErpDelivery.of(KEY, document(), null));

        // then
        assertThat(answer).isEqualTo(new ErpAnswer.Accepted(204, null, false));
        assertThat(keysReceived()).containsExactly(KEY, KEY);
    }

    private void answerOnceThenAccept(ResponseDefinitionBuilder first) {
        erp.stubFor(documents().inScenario("once").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("accepting")
            .willReturn(first));
        erp.stubFor(documents().inScenario("once").whenScenarioStateIs("accepting")
            .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"erpDocumentId\": \"ERP-4821\"}")));
    }

    private static MappingBuilder documents() {
        return post(urlPathEqualTo("/purchase-orders"));
    }

    private List<String> keysReceived() {
        return erp.getAllServeEvents().stream().map(ServeEvent::getRequest)
            .map(request -> request.getHeader(RestErp.IDEMPOTENCY_KEY)).toList();
    }

    /** As the application builds it, with basic credentials and short delays. */
    private static RestErp erpClient(String baseUrl) {
        RestErpProperties settings = new RestErpProperties(baseUrl, null, "erp-user", new Secret(PASSWORD),
                Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetrySettings(MAX_RETRIES, Duration.ofMillis(5), Duration.ofMillis(20)), null);
        return new RestErpConfiguration().restErp(new SettingsCheck(List.of(settings)), settings,
                ObservationRegistry.NOOP);
    }

    private static ErpPurchaseOrder document() {
        return new ErpPurchaseOrder("coupa", 4821, "4821", 2, ErpAction.CREATE, "issued", "USD", "300.00",
                new ErpPurchaseOrder.Supplier("SUP-0077", "Acme Industrial"), "NET45", null, "jdoe",
                List.of(new ErpPurchaseOrder.Line("1", 15001, "QUANTITY", "Safety gloves, L", "60", "EA", "5.00",
                        "300.00", null, null, null, false)));
    }
}
