package io.github.coupapoexport.sandbox;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
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
        return startServer(true);
    }

    /** Without a request journal, for runs too large to keep every request in memory. */
    public WireMockServer startServer(boolean journal) {
        var config = wireMockConfig().dynamicPort().containerThreads(20).extensions(new IdempotentErp(), new ServeEventListener() {
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
        });
        server = new WireMockServer(journal ? config : config.disableRequestJournal());
        server.start();
        answerAfter(0);
        return server;
    }

    /**
     * Accepts every document with 201 and an ERP document id, after {@code delayMillis}, like an ERP that honours the
     * Idempotency-Key: a key it has applied before gets 409 with the same document id.
     */
    public void answerAfter(int delayMillis) {
        server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(10).willReturn(aResponse()
            .withFixedDelay(delayMillis)
            .withTransformers(IDEMPOTENT)));
    }

    static final String IDEMPOTENT = "idempotent-erp";

    /** Remembers the keys it applied, as a real ERP behind an Idempotency-Key contract does. */
    private final class IdempotentErp implements ResponseDefinitionTransformerV2 {

        private final java.util.Set<String> applied = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Override
        public String getName() {
            return IDEMPOTENT;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent serveEvent) {
            JsonNode document = json.readTree(serveEvent.getRequest().getBodyAsString());
            String key = serveEvent.getRequest().getHeader("Idempotency-Key");
            boolean first = key == null || applied.add(key);
            String documentId = "ERP-" + document.get("poNumber").asString() + "-r" + document.get("revision").asInt();
            return ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withStatus(first ? 201 : 409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"erpDocumentId\": \"" + documentId + "\"}")
                .build();
        }
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
