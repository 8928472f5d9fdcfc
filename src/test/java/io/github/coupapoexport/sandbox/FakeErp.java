package io.github.coupapoexport.sandbox;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The ERP's REST endpoint of contract section 4, in WireMock: it accepts every document with 201 and an ERP document
 * id, unless a test or the sandbox stubs a rejection in front.
 */
public class FakeErp {

    private final JsonMapper json = JsonMapper.builder().build();

    private WireMockServer server;

    private volatile java.util.function.Consumer<JsonNode> beforeAnswering = document -> {
    };

    public WireMockServer startServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort().extensions(new ServeEventListener() {
            @Override
            public String getName() {
                return "before-answering";
            }

            @Override
            public void beforeResponseSent(ServeEvent serveEvent, Parameters parameters) {
                if (serveEvent.getRequest().getUrl().startsWith("/purchase-orders")) {
                    beforeAnswering.accept(json.readTree(serveEvent.getRequest().getBodyAsString()));
                }
            }
        }));
        server.start();
        server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(10).willReturn(aResponse()
            .withStatus(201)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"erpDocumentId\": \"ERP-{{jsonPath request.body '$.poNumber'}}-r{{jsonPath request.body '$.revision'}}\"}")
            .withTransformers("response-template")));
        return server;
    }

    /** The ERP refuses documents for this supplier with 422, as a real ERP does for a supplier it has blocked. */
    public void rejectSupplier(String supplierNumber, String message) {
        server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .withRequestBody(WireMock.matchingJsonPath("$.supplier.number", WireMock.equalTo(supplierNumber)))
            .willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(json.writeValueAsString(java.util.Map.of("message", message)))));
    }

    /** Runs {@code action} while the job waits for the ERP's answer to a document, e.g. to stop the job then. */
    public void beforeAnswering(java.util.function.Consumer<JsonNode> action) {
        beforeAnswering = action;
    }

    public void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Every document the ERP received, oldest first, with the answer it gave. */
    public List<Received> received() {
        List<ServeEvent> events = new java.util.ArrayList<>(server.getAllServeEvents());
        java.util.Collections.reverse(events);
        return events.stream()
            .filter(event -> event.getRequest().getUrl().startsWith("/purchase-orders"))
            .map(event -> new Received(event.getRequest().getHeader("Idempotency-Key"),
                    json.readTree(event.getRequest().getBodyAsString()),
                    event.getResponse().getFault() != null ? Received.NO_ANSWER : event.getResponse().getStatus()))
            .toList();
    }

    /** One POST the ERP received; {@code status} is {@link #NO_ANSWER} when the connection was cut instead. */
    public record Received(String idempotencyKey, JsonNode document, int status) {

        public static final int NO_ANSWER = -1;

        public String poNumber() {
            return document.get("poNumber").asString();
        }

        public String action() {
            return document.get("action").asString();
        }

        public boolean accepted() {
            return status == 200 || status == 201 || status == 409;
        }
    }
}
