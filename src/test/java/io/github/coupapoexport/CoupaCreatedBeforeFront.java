package io.github.coupapoexport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.common.Gzip;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.coupapoexport.sandbox.FakeCoupa;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A front for the sandbox's fake Coupa that also honours {@code created-at[lt]}, which a baseline's selection adds and
 * the fake (selecting by {@code exported}, {@code status[in]} and {@code id[gt]}) does not know. Every request goes on
 * to the fake as it came; a selection page comes back without the POs the fake holds as created at or after the limit.
 * The tests give later POs higher ids, as Coupa does, so only the end of the selection is cut and the paging stays
 * the fake's. Tests may put stubs of higher priority on {@link #server()} to make Coupa fail.
 */
final class CoupaCreatedBeforeFront implements ResponseTransformerV2 {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final FakeCoupa coupa;

    private final WireMockServer server;

    private Runnable onFilteredPage = () -> {
    };

    CoupaCreatedBeforeFront(FakeCoupa coupa) {
        this.coupa = coupa;
        this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(this));
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10)
            .willReturn(WireMock.aResponse().proxiedFrom(coupa.baseUrl())));
    }

    String baseUrl() {
        return server.baseUrl();
    }

    WireMockServer server() {
        return server;
    }

    /** Runs once a page limited by creation time has been read from the fake, before the job gets it. */
    synchronized void onFilteredPage(Runnable action) {
        onFilteredPage = action;
    }

    void shutDown() {
        server.stop();
    }

    @Override
    public String getName() {
        return "created-before";
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        QueryParameter limit = request.queryParameter("created-at[lt]");
        if (!request.getMethod().getName().equals("GET") || !request.getUrl().startsWith("/api/purchase_orders?")
                || limit == null || !limit.isPresent() || response.getStatus() != 200) {
            return response;
        }
        Instant before = Instant.parse(limit.firstValue());
        byte[] body = response.getBody();
        // The fake answers the proxy gzipped; the job gets the page plain, without the encoding header.
        String text = Gzip.isGzipped(body) ? Gzip.unGzipToString(body) : new String(body, StandardCharsets.UTF_8);
        List<Map<String, Object>> page = JSON.readValue(text, new TypeReference<>() {
        });
        List<Map<String, Object>> created = page.stream()
            .filter(po -> createdAt(((Number) po.get("id")).longValue()).isBefore(before))
            .toList();
        synchronized (this) {
            onFilteredPage.run();
        }
        HttpHeaders headers = new HttpHeaders(response.getHeaders().all().stream()
            .filter(header -> !header.keyEquals("Content-Encoding") && !header.keyEquals("Content-Length"))
            .toList());
        return Response.Builder.like(response).but().headers(headers).body(JSON.writeValueAsString(created)).build();
    }

    private Instant createdAt(long id) {
        return OffsetDateTime.parse(String.valueOf(coupa.purchaseOrder(id).get("created-at"))).toInstant();
    }
}
