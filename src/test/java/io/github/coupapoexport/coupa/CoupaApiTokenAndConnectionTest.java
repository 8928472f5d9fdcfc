package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the transport does around Coupa's answers: the token it is refused (a 401) or never given (refused
 * credentials), a connection that is refused or never answers, and the one rate limiter every request passes.
 * Through the application's own wiring, with 2 retries a millisecond apart.
 */
class CoupaApiTokenAndConnectionTest {

    private static final String PAGE = "/api/purchase_orders";

    private static final String RUNS = "/api/integration_runs";

    private static final String SECRET = "s3cr3t-client-secret";

    private final StubbedCoupa coupa = new StubbedCoupa();

    private CoupaWiring wiring;

    @BeforeEach
    void startCoupa() {
        coupa.start();
        wiring = new CoupaWiring(coupa.baseUrl(), "po-export", SECRET, Map.of("retry.max-retries", "2",
                "retry.initial-delay", "1ms", "retry.max-delay", "2ms", "requests-per-second", "1000"));
    }

    @AfterEach
    void stopCoupa() {
        coupa.stop();
    }

    @Test
    void answer401DropsTheTokenAndTriesOnceMoreWithAFreshOne() {
        // given
        coupa.onceThen(() -> get(urlPathEqualTo(PAGE)), aResponse().withStatus(401), okJson("[{\"id\": 7}]"));

        // when
        List<CoupaPurchaseOrder> page = firstPage(wiring.client());

        // then
        assertThat(page).extracting(CoupaPurchaseOrder::id).containsExactly(7L);
        assertThat(coupa.calls(StubbedCoupa.TOKEN)).isEqualTo(2);
        assertThat(coupa.findAll(getRequestedFor(urlPathEqualTo(PAGE))))
            .extracting(request -> request.getHeader("Authorization"))
            .containsExactly("Bearer token-1", "Bearer token-2");
    }

    @Test
    void freshTokenRefusedAgainIsAFailureNotRetried() {
        // given
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(aResponse().withStatus(401)));

        // when / then
        assertThatThrownBy(() -> firstPage(wiring.client()))
            .isInstanceOf(CoupaCallException.class)
            .isNotInstanceOf(TransientCoupaFailure.class)
            .hasMessageContaining("answered HTTP 401");
        assertThat(coupa.calls(StubbedCoupa.TOKEN)).isEqualTo(2);
        assertThat(coupa.calls(PAGE)).isEqualTo(2);
    }

    @Test
    void refusedCredentialsAreToldApartNamingTheClientId() {
        // given
        coupa.stubFor(post(urlPathEqualTo(StubbedCoupa.TOKEN)).atPriority(1).willReturn(aResponse().withStatus(401)
            .withHeader("Content-Type", "application/json").withBody("{\"error\": \"invalid_client\"}")));

        // when / then
        assertThatThrownBy(() -> firstPage(wiring.client()))
            .isInstanceOf(CoupaCredentialsRefusedException.class)
            .hasMessageContaining("client id 'po-export'")
            .hasMessageContaining("invalid_client")
            .hasMessageNotContaining(SECRET);
        assertThat(coupa.calls(PAGE)).isZero();
    }

    @Test
    void refusedConnectionIsRetriedForEveryMethodAsNothingWasSent() {
        // given a token taken, and then Coupa gone
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("[]")));
        firstPage(wiring.client());
        coupa.stop();

        // when / then
        assertThatThrownBy(() -> firstPage(wiring.client()))
            .hasMessageContaining("got no answer").hasMessageEndingWith("(gave up after 3 attempts)");
        assertThatThrownBy(() -> createRun(wiring.api()))
            .hasMessageContaining("got no answer").hasMessageEndingWith("(gave up after 3 attempts)");
    }

    @Test
    void readTimeoutIsRetriedForAGetButNotForAPostThatCoupaMayHaveActedOn() {
        // given a token taken (a cold first request may well take longer than the read timeout of 500 ms), and then
        // answers slower than that
        CoupaWiring impatient = new CoupaWiring(coupa.baseUrl(), "po-export", SECRET, Map.of("retry.max-retries", "2",
                "retry.initial-delay", "1ms", "read-timeout", "500ms"));
        coupa.stubFor(get(urlPathEqualTo(PAGE + "/1")).willReturn(okJson("{\"id\": 1}")));
        impatient.client().state(1);
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("[]").withFixedDelay(1500)));
        coupa.stubFor(post(urlPathEqualTo(RUNS)).willReturn(okJson("{\"id\": 901}").withFixedDelay(1500)));

        // when / then
        assertThatThrownBy(() -> firstPage(impatient.client()))
            .hasCauseInstanceOf(TransientCoupaFailure.class).hasMessageEndingWith("(gave up after 3 attempts)");
        assertThatThrownBy(() -> createRun(impatient.api())).isExactlyInstanceOf(CoupaCallException.class)
            .hasMessageContaining("POST " + coupa.baseUrl() + RUNS + " got no answer");
        assertThat(coupa.calls(PAGE)).isEqualTo(3);
        assertThat(coupa.calls(RUNS)).isEqualTo(1);
    }

    @Test
    void everyCallTakesARequestSlotTheTokenRequestIncluded() {
        // given two requests a second: one slot every 500 ms, the first at once
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("[]")));
        long start = System.nanoTime();
        CoupaClient limited = new CoupaWiring(coupa.baseUrl(), "po-export", SECRET,
                Map.of("requests-per-second", "2")).client();

        // when the token request and two pages
        firstPage(limited);
        firstPage(limited);

        // then the third request waited for the third slot
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
    }

    private static List<CoupaPurchaseOrder> firstPage(CoupaClient client) {
        return client.purchaseOrdersToExport(Selection.NOT_YET_EXPORTED, 0, 50).next();
    }

    private static CoupaApi.Answer createRun(CoupaApi api) {
        return api.call("create integration run", HttpMethod.POST, uri -> uri.path(RUNS).build(),
                Map.of("integration", Map.of("code", "PO_TO_ERP")));
    }
}
