package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the transport classifies each answer Coupa (or a proxy in front of it) gives: believed, retried, refused, or a
 * failure. Through the application's own wiring, with 2 retries a millisecond apart. Tokens, connections and the
 * rate limiter: {@link CoupaApiTokenAndConnectionTest}.
 */
class CoupaApiTest {

    private static final String PAGE = "/api/purchase_orders";

    private static final String RUNS = "/api/integration_runs";

    private static final Map<String, String> FAST = Map.of("retry.max-retries", "2", "retry.initial-delay", "1ms",
            "retry.max-delay", "2ms", "requests-per-second", "1000");

    private final StubbedCoupa coupa = new StubbedCoupa();

    private CoupaWiring wiring;

    private CoupaClient client;

    @BeforeEach
    void startCoupa() {
        coupa.start();
        wiring = new CoupaWiring(coupa.baseUrl(), "po-export", "secret", FAST);
        client = wiring.client();
    }

    @AfterEach
    void stopCoupa() {
        coupa.stop();
    }

    @Test
    void jsonPageIsParsedAndTheCallCarriesTheToken() {
        // given
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("[{\"id\": 7, \"po-number\": \"4821\"}]")));

        // when
        List<CoupaPurchaseOrder> page = firstPage();

        // then
        assertThat(page).extracting(CoupaPurchaseOrder::id).containsExactly(7L);
        assertThat(coupa.findAll(getRequestedFor(urlPathEqualTo(PAGE)))).singleElement()
            .satisfies(request -> assertThat(request.getHeader("Authorization")).isEqualTo("Bearer token-1"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"text/html|<html><body>Down for maintenance</body></html>",
            "application/json|[{\"id\": 7, \"po-num"})
    void proxysPageAnswered200IsRetriedAndThenAFailureNeverAnEmptyPage(String contentType, String body) {
        // given
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", contentType).withBody(body)));

        // when / then
        assertThatThrownBy(() -> firstPage())
            .isExactlyInstanceOf(CoupaCallException.class)
            .hasCauseInstanceOf(TransientCoupaFailure.class)
            .hasMessageStartingWith("GET " + coupa.baseUrl() + PAGE + "?")
            .hasMessageEndingWith("(gave up after 3 attempts)");
        assertThat(coupa.calls(PAGE)).isEqualTo(3);
    }

    @Test
    void brokenPageFollowedByAGoodOneIsRead() {
        // given
        coupa.onceThen(() -> get(urlPathEqualTo(PAGE)), aResponse().withStatus(200).withBody("<html>Gateway</html>"),
                okJson("[{\"id\": 7}]"));

        // when
        List<CoupaPurchaseOrder> page = firstPage();

        // then
        assertThat(page).extracting(CoupaPurchaseOrder::id).containsExactly(7L);
        assertThat(coupa.calls(PAGE)).isEqualTo(2);
    }

    @Test
    void answer429IsRetriedAfterTheWaitItsRetryAfterAsks() {
        // given
        coupa.onceThen(() -> get(urlPathEqualTo(PAGE)), aResponse().withStatus(429).withHeader("Retry-After", "1"),
                okJson("[]"));
        long start = System.nanoTime();

        // when
        List<CoupaPurchaseOrder> page = firstPage();

        // then
        assertThat(page).isEmpty();
        assertThat(coupa.calls(PAGE)).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 500, 502, 503, 504})
    void getAnsweredWithAPassingFailureIsRetried(int status) {
        // given
        coupa.onceThen(() -> get(urlPathEqualTo(PAGE)), aResponse().withStatus(status), okJson("[{\"id\": 7}]"));

        // when
        List<CoupaPurchaseOrder> page = firstPage();

        // then
        assertThat(page).extracting(CoupaPurchaseOrder::id).containsExactly(7L);
        assertThat(coupa.calls(PAGE)).isEqualTo(2);
    }

    @Test
    void passingFailureThatLastsIsAFailureNamingTheCallAndTheAnswer() {
        // given
        coupa.stubFor(get(urlPathMatching(PAGE + "/\\d+")).willReturn(aResponse().withStatus(503)
            .withBody("Service Unavailable")));

        // when / then
        assertThatThrownBy(() -> client.state(4821))
            .isExactlyInstanceOf(CoupaCallException.class)
            .hasMessageStartingWith("GET " + coupa.baseUrl() + PAGE + "/4821?")
            .hasMessageContaining("answered HTTP 503: Service Unavailable")
            .hasMessageEndingWith("(gave up after 3 attempts)");
        assertThat(coupa.calls(PAGE + "/4821")).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 422})
    void poCallRefusedIsNotRetriedAndNamesTheCall(int status) {
        // given
        String validation = "{\"errors\":{\"ship-to-address\":[\"can't be blank\"]}}";
        coupa.stubFor(put(urlPathEqualTo(PAGE + "/4821")).willReturn(aResponse().withStatus(status)
            .withBody(validation)));

        // when / then
        assertThatThrownBy(() -> client.markExported(4821))
            .isInstanceOfSatisfying(CoupaRefusedException.class, refused -> assertThat(refused.status())
                .isEqualTo(status))
            .hasMessageStartingWith("PUT " + coupa.baseUrl() + PAGE + "/4821?exported=true")
            .hasMessageContaining("answered HTTP " + status + ": " + validation);
        assertThat(coupa.calls(PAGE + "/4821")).isEqualTo(1);
    }

    @Test
    void postAnswered500IsARefusalNotRetriedLestCoupaActTwice() {
        // given
        coupa.stubFor(post(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(500)));

        // when / then
        assertThatThrownBy(this::createRun)
            .isInstanceOfSatisfying(CoupaRefusedException.class, refused -> assertThat(refused.status())
                .isEqualTo(500));
        assertThat(coupa.calls(RUNS)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 502, 503, 504})
    void postAnsweredSoThatCoupaSurelyDidNotActIsRetried(int status) {
        // given
        coupa.stubFor(post(urlPathEqualTo(RUNS)).willReturn(aResponse().withStatus(status)));

        // when / then
        assertThatThrownBy(this::createRun).isExactlyInstanceOf(CoupaCallException.class)
            .hasCauseInstanceOf(TransientCoupaFailure.class)
            .hasMessageEndingWith("(gave up after 3 attempts)");
        assertThat(coupa.calls(RUNS)).isEqualTo(3);
    }

    private List<CoupaPurchaseOrder> firstPage() {
        return client.purchaseOrdersToExport(Selection.NOT_YET_EXPORTED, 0, 50).next();
    }

    private CoupaApi.Answer createRun() {
        return wiring.api().call("create integration run", HttpMethod.POST, uri -> uri.path(RUNS).build(),
                Map.of("integration", Map.of("code", "PO_TO_ERP")));
    }
}
