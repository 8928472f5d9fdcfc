package io.github.coupapoexport.erp.rest;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.BasicCredentials;
import io.github.coupapoexport.erp.ErpHolding;
import io.github.coupapoexport.erp.ErpReadException;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.RetrySettings;
import io.github.coupapoexport.settings.SettingsCheck;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optional look-up of a PO in the REST ERP ({@code erp.lookup-path}), as {@code reconcile} reads it. */
class RestErpLookupTest {

    private static final ErpHolding.Question PO_4821 = new ErpHolding.Question(4821, "PO-4821", "ERP-1");

    private final WireMockServer erp = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeEach
    void start() {
        erp.start();
    }

    @AfterEach
    void stop() {
        erp.stop();
    }

    @Test
    void withoutALookupPathTheErpIsNotRead() {
        assertThat(erpClient(null).readsHoldings()).isFalse();
    }

    @Test
    void aPoTheErpHoldsComesWithItsRevisionAndDocumentId() {
        // given
        erp.stubFor(get(urlEqualTo("/purchase-orders/4821"))
            .willReturn(okJson("{\"coupaId\": 4821, \"revision\": 3, \"erpDocumentId\": \"ERP-1\"}")));
        RestErp client = erpClient("/purchase-orders/{coupaId}");

        // when
        ErpHolding holding = client.holding(PO_4821);

        // then
        assertThat(client.readsHoldings()).isTrue();
        assertThat(holding).isEqualTo(new ErpHolding.Held(3, "ERP-1"));
        erp.verify(getRequestedFor(urlEqualTo("/purchase-orders/4821")).withBasicAuth(
                new BasicCredentials("erp-user", "erp-pass-9a7e")));
    }

    @Test
    void aPoNamedByItsNumberThatTheErpDoesNotKnowIsNotHeld() {
        // given
        erp.stubFor(get(urlEqualTo("/orders/by-number/PO-4821")).willReturn(aResponse().withStatus(404)));

        // when
        ErpHolding holding = erpClient("/orders/by-number/{poNumber}").holding(PO_4821);

        // then
        assertThat(holding).isEqualTo(new ErpHolding.NotHeld());
    }

    @Test
    void anErpThatKeepsFailingCannotBeReadAfterItsRetries() {
        // given
        erp.stubFor(get(urlEqualTo("/purchase-orders/4821")).willReturn(aResponse().withStatus(503)));

        // when / then
        assertThatThrownBy(() -> erpClient("/purchase-orders/{coupaId}").holding(PO_4821))
            .isInstanceOf(ErpReadException.class)
            .hasMessageContaining("HTTP 503")
            .hasMessageContaining("gave up after 3 attempts");
    }

    @Test
    void refusedCredentialsAreASetupErrorWithoutTheSecret() {
        // given
        erp.stubFor(get(urlEqualTo("/purchase-orders/4821")).willReturn(aResponse().withStatus(401)));

        // when / then
        assertThatThrownBy(() -> erpClient("/purchase-orders/{coupaId}").holding(PO_4821))
            .isInstanceOf(ErpSetupException.class)
            .hasMessageContaining("HTTP 401")
            .hasMessageContaining("erp.lookup-path")
            .hasMessageNotContaining("erp-pass-9a7e");
    }

    @Test
    void aLookupPathThatNamesNoPoIsASettingsProblem() {
        RestErpProperties settings = settings("/purchase-orders");
        assertThat(settings.problems()).containsExactly("erp.lookup-path must start with / and name the PO by "
                + "{coupaId} or {poNumber}, e.g. /purchase-orders/{coupaId}");
    }

    private RestErp erpClient(String lookupPath) {
        RestErpProperties settings = settings(lookupPath);
        return new RestErpConfiguration().restErp(new SettingsCheck(List.of(settings)), settings,
                ObservationRegistry.NOOP);
    }

    private RestErpProperties settings(String lookupPath) {
        return new RestErpProperties(erp.baseUrl(), null, "erp-user", new Secret("erp-pass-9a7e"),
                Duration.ofSeconds(2), Duration.ofSeconds(5),
                new RetrySettings(2, Duration.ofMillis(5), Duration.ofMillis(20)), lookupPath);
    }
}
