package io.github.coupapoexport.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The ERP's REST endpoint of contract section 4, in WireMock: it accepts every document with 201 and an ERP document
 * id, unless a test or the sandbox stubs a rejection in front. Tests can make it behave like real ERPs: applying a
 * document but answering too late ({@link #applyThenTimeOut}), or answering every document with something else
 * ({@link #answerEveryDocument}); {@link #applied()} tells what it really applied.
 */
public class FakeErp {

    /** How late {@link #applyThenTimeOut} answers: longer than a test's {@code --erp.read-timeout=500ms}. */
    public static final int TIMEOUT_DELAY_MILLIS = 3000;

    static final String IDEMPOTENT = "idempotent-erp";

    private final JsonMapper json = JsonMapper.builder().build();

    private final IdempotentErp idempotentErp = new IdempotentErp();

    private WireMockServer server;

    private volatile boolean journal;

    private volatile StubMapping everyDocument;

    private volatile Consumer<JsonNode> beforeAnswering = document -> {
    };

    public WireMockServer startServer() {
        return startServer(true);
    }

    /** Without a request journal, for runs too large to keep every request (or every applied document) in memory. */
    public WireMockServer startServer(boolean journal) {
        this.journal = journal;
        var config = wireMockConfig().dynamicPort().containerThreads(20).extensions(idempotentErp, new ServeEventListener() {
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

    /**
     * The next {@code times} documents of this PO are applied (their key gets 409 from then on), but answered only
     * after {@link #TIMEOUT_DELAY_MILLIS}: the job cannot know whether the ERP took them.
     */
    public void applyThenTimeOut(String poNumber, int times) {
        idempotentErp.timeOut(poNumber, times);
    }

    /**
     * Every document gets this answer and none is applied: an ERP refusing the job's credentials (401), or a single
     * sign-on or maintenance page answering 200 with HTML. It takes precedence over {@link #rejectSupplier} stubs
     * made before it.
     */
    public void answerEveryDocument(int status, String contentType, String body) {
        answerNormally();
        ResponseDefinitionBuilder answer = aResponse().withStatus(status).withBody(body);
        if (contentType != null) {
            answer.withHeader("Content-Type", contentType);
        }
        everyDocument = server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1).willReturn(answer));
    }

    /**
     * The next {@code times} documents, whatever their PO, get {@code status} and none is applied: an ERP that is busy
     * for a moment. Documents after them are answered as before.
     */
    public void failNext(int status, int times) {
        String scenario = "failing " + UUID.randomUUID();
        String state = Scenario.STARTED;
        for (int failure = 1; failure <= times; failure++) {
            server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(2).inScenario(scenario)
                .whenScenarioStateIs(state).willSetStateTo("failed " + failure)
                .willReturn(aResponse().withStatus(status).withBody("{\"message\": \"busy\"}")));
            state = "failed " + failure;
        }
    }

    /** Undoes {@link #answerEveryDocument}. */
    public void answerNormally() {
        StubMapping stub = everyDocument;
        if (stub != null) {
            server.removeStub(stub);
            everyDocument = null;
        }
    }

    /** The documents the ERP applied, in the order it applied them; a key sent again (409) is not applied again. */
    public List<Applied> applied() {
        if (!journal) {
            throw new IllegalStateException("the fake ERP keeps applied documents only with a request journal");
        }
        return idempotentErp.applied();
    }

    /** One document the ERP applied, under its Idempotency-Key. */
    public record Applied(String idempotencyKey, String poNumber, String action, JsonNode document) {
    }

    /** Remembers the keys it applied, as a real ERP behind an Idempotency-Key contract does. */
    private final class IdempotentErp implements ResponseDefinitionTransformerV2 {

        private final Set<String> appliedKeys = new HashSet<>();

        private final List<Applied> applied = new ArrayList<>();

        private final Map<String, Integer> timeOutsLeft = new HashMap<>();

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
            String poNumber = document.get("poNumber").asString();
            boolean first;
            boolean late;
            synchronized (this) {
                first = key == null || appliedKeys.add(key);
                if (first && journal) {
                    applied.add(new Applied(key, poNumber, document.get("action").asString(), document));
                }
                late = timeOutsLeft.getOrDefault(poNumber, 0) > 0;
                if (late) {
                    timeOutsLeft.merge(poNumber, -1, Integer::sum);
                }
            }
            String documentId = "ERP-" + poNumber + "-r" + document.get("revision").asInt();
            ResponseDefinitionBuilder answer = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition())
                .withStatus(first ? 201 : 409)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"erpDocumentId\": \"" + documentId + "\"}");
            return (late ? answer.withFixedDelay(TIMEOUT_DELAY_MILLIS) : answer).build();
        }

        synchronized void timeOut(String poNumber, int times) {
            timeOutsLeft.put(poNumber, times);
        }

        synchronized List<Applied> applied() {
            return List.copyOf(applied);
        }
    }

    /** The ERP refuses documents for this supplier with 422, as a real ERP does for a supplier it has blocked. */
    public void rejectSupplier(String supplierNumber, String message) {
        server.stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .withRequestBody(WireMock.matchingJsonPath("$.supplier.number", WireMock.equalTo(supplierNumber)))
            .willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody(json.writeValueAsString(Map.of("message", message)))));
    }

    /** Runs {@code action} while the job waits for the ERP's answer to a document, e.g. to stop the job then. */
    public void beforeAnswering(Consumer<JsonNode> action) {
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
        List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events);
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
