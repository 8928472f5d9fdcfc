package io.github.coupapoexport.coupa;

import java.time.Duration;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.coupapoexport.foundation.HttpRequestFactories;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list calls of {@code reconcile}: the exported POs changed since a time, paged by the id cursor, and POs asked
 * for by id, at most 50 a call; each through the one rate limiter of every Coupa call, counted by its permits.
 */
class CoupaReconcileQueriesTest {

    private static final String PAGE = "/api/purchase_orders";

    private static final int PERMITS = 1000;

    private final StubbedCoupa coupa = new StubbedCoupa();

    /** Refilled once an hour: every call takes one of the permits, and none comes back during the test. */
    private final RateLimiter rateLimiter = RateLimiter.of("coupa", RateLimiterConfig.custom()
        .limitForPeriod(PERMITS)
        .limitRefreshPeriod(Duration.ofHours(1))
        .timeoutDuration(Duration.ZERO)
        .build());

    private CoupaClient client;

    @BeforeEach
    void start() {
        coupa.start();
        CoupaProperties properties = new CoupaWiring(coupa.baseUrl(), "po-export", "s3cr3t", Map.of()).properties();
        RestClient restClient = RestClient.builder()
            .baseUrl(properties.root())
            .requestFactory(HttpRequestFactories.of(Duration.ofSeconds(2), Duration.ofSeconds(5)))
            .build();
        CoupaApi api = new CoupaApi(restClient, CoupaClientConfiguration.coupaJson(), properties,
                new CoupaPace(rateLimiter, properties.requestsPerSecond(), InstantSource.system()),
                properties.retry().backoff(TransientCoupaFailure.class), new CoupaMeters(new SimpleMeterRegistry()));
        client = new CoupaClient(api, properties);
    }

    @AfterEach
    void stop() {
        coupa.stop();
    }

    @Test
    void exportedPosSinceATimeArePagedByTheIdCursorThroughTheRateLimiter() {
        // given 120 exported POs: pages of 50, 50 and 20
        coupa.stubFor(get(urlPathEqualTo(PAGE)).withQueryParam("id[gt]", equalTo("0")).willReturn(okJson(pos(1, 50))));
        coupa.stubFor(get(urlPathEqualTo(PAGE)).withQueryParam("id[gt]", equalTo("50")).willReturn(okJson(pos(51, 100))));
        coupa.stubFor(get(urlPathEqualTo(PAGE)).withQueryParam("id[gt]", equalTo("100"))
            .willReturn(okJson(pos(101, 120))));

        // when
        IdCursorPager pager = client.exportedSince(OffsetDateTime.parse("2026-11-01T00:00:00Z"));
        List<CoupaPurchaseOrder> read = new ArrayList<>();
        for (List<CoupaPurchaseOrder> page = pager.next(); !page.isEmpty(); page = pager.next()) {
            read.addAll(page);
        }

        // then
        assertThat(read).hasSize(120).extracting(CoupaPurchaseOrder::id).doesNotHaveDuplicates();
        assertThat(read.get(0).poNumber()).isEqualTo("PO-1");
        List<LoggedRequest> calls = coupa.findAll(getRequestedFor(urlPathEqualTo(PAGE)));
        assertThat(calls).extracting(call -> call.queryParameter("id[gt]").firstValue())
            .containsExactly("0", "50", "100");
        assertThat(calls.get(0).queryParameter("exported").firstValue()).isEqualTo("true");
        assertThat(calls.get(0).queryParameter("updated-at[gt]").firstValue()).isEqualTo("2026-11-01T00:00Z");
        assertThat(calls.get(0).queryParameter("status[in]").firstValue()).isEqualTo(
                "issued,canceled,cancelled,closed,soft_closed");
        assertThat(calls.get(0).queryParameter("fields").firstValue()).isEqualTo(
                "[\"id\",\"po-number\",\"version\",\"status\",\"updated-at\",\"exported\"]");
        assertThat(calls.get(0).queryParameter("limit").firstValue()).isEqualTo("50");
        assertThat(rateLimiter.getMetrics().getAvailablePermissions()).isEqualTo(PERMITS - 3);
    }

    @Test
    void posByIdAreAskedForFiftyAtATimeAndOnesCoupaDoesNotReturnAreLeftOut() {
        // given Coupa returns only PO 7 of the first fifty
        coupa.stubFor(get(urlPathEqualTo(PAGE)).willReturn(okJson("[]")));
        coupa.stubFor(get(urlPathEqualTo(PAGE)).withQueryParam("id[in]", equalTo(ids(1, 50)))
            .willReturn(okJson(pos(7, 7))));

        // when
        List<CoupaPurchaseOrder> found = client.purchaseOrdersById(LongStream.rangeClosed(1, 120).boxed()
            .sorted((a, b) -> Long.compare(b, a)).toList());

        // then
        assertThat(found).extracting(CoupaPurchaseOrder::id).containsExactly(7L);
        assertThat(coupa.findAll(getRequestedFor(urlPathEqualTo(PAGE))))
            .extracting(call -> call.queryParameter("id[in]").firstValue())
            .containsExactly(ids(1, 50), ids(51, 100), ids(101, 120));
        assertThat(rateLimiter.getMetrics().getAvailablePermissions()).isEqualTo(PERMITS - 3);
    }

    private static String pos(long first, long last) {
        return LongStream.rangeClosed(first, last)
            .mapToObj(id -> "{\"id\": " + id + ", \"po-number\": \"PO-" + id + "\", \"version\": 1, \"status\": "
                    + "\"issued\", \"updated-at\": \"2026-11-24T10:00:00Z\", \"exported\": true}")
            .collect(Collectors.joining(", ", "[", "]"));
    }

    private static String ids(long first, long last) {
        return LongStream.rangeClosed(first, last).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }
}
