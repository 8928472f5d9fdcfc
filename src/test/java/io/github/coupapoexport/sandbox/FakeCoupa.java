package io.github.coupapoexport.sandbox;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stateful Coupa behind WireMock: it issues client-credentials tokens, selects POs the way the export asks
 * ({@code exported}, {@code status[in]}, {@code id[gt]}, {@code order_by=id}, {@code limit}) and remembers which POs
 * were marked exported. Tests may still put stubs of higher priority in front of it to inject faults, and read
 * WireMock's request journal to see what the job sent.
 */
public class FakeCoupa implements ResponseDefinitionTransformerV2 {

    public static final String CLIENT_ID = "po-export";

    public static final String CLIENT_SECRET = "s3cr3t-client-secret";

    public static final String INTEGRATION_CODE = "PO_TO_ERP";

    public static final String STATUS_FIELD = "cf-integration-status";

    static final String NAME = "fake-coupa";

    private static final Pattern PURCHASE_ORDER = Pattern.compile("/api/purchase_orders/(\\d+)");

    private final FakeCoupaMonitoring monitoring = new FakeCoupaMonitoring();

    private final FakeCoupaTokens tokens = new FakeCoupaTokens(CLIENT_ID, CLIENT_SECRET);

    private final FakeCoupaFaults faults = new FakeCoupaFaults();

    private final TreeMap<Long, Map<String, Object>> purchaseOrders = new TreeMap<>();

    private WireMockServer server;

    private int apiCalls;

    private long firstApiCall;

    private long lastApiCall;

    private long firstRequest;

    private long hangingMark = -1;

    private int latencyMillis;

    private boolean updatedAtMovesOnMark;

    private long markAnswersCut = -1;

    /** Starts a WireMock server on a free port whose every request this fake answers. */
    public WireMockServer startServer() {
        return startServer(true);
    }

    /** Without a request journal, for runs too large to keep every request in memory. */
    public WireMockServer startServer(boolean journal) {
        var config = wireMockConfig().dynamicPort().extensions(this).containerThreads(20);
        server = new WireMockServer(journal ? config : config.disableRequestJournal());
        server.start();
        server.stubFor(WireMock.any(WireMock.anyUrl()).atPriority(10).willReturn(
                ResponseDefinitionBuilder.responseDefinition().withTransformers(NAME)));
        return server;
    }

    /** The settings that point the job at this Coupa and at {@code erp}, as a deployment's would. */
    public List<String> settingsFor(FakeErp erp) {
        return new ArrayList<>(List.of(
                "--coupa.base-url=" + baseUrl(),
                "--coupa.client-id=" + CLIENT_ID,
                "--coupa.client-secret=" + CLIENT_SECRET,
                "--coupa.monitoring.integration-code=" + INTEGRATION_CODE,
                "--erp.base-url=" + erp.baseUrl()));
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

    public synchronized FakeCoupa add(CoupaPo... pos) {
        for (CoupaPo po : pos) {
            purchaseOrders.put(po.id(), po.json());
        }
        return this;
    }

    /**
     * A buyer's change in Coupa: the edit is applied, {@code updated-at} moves on, and the PO is no longer exported,
     * as Coupa does for a new version.
     */
    public synchronized void change(long id, String updatedAt, Consumer<Map<String, Object>> edit) {
        Map<String, Object> po = purchaseOrders.get(id);
        edit.accept(po);
        po.put("updated-at", updatedAt);
        po.put("exported", false);
    }

    public synchronized boolean isExported(long id) {
        return Boolean.TRUE.equals(purchaseOrders.get(id).get("exported"));
    }

    public synchronized List<Long> exportedIds() {
        return purchaseOrders.entrySet().stream()
            .filter(entry -> Boolean.TRUE.equals(entry.getValue().get("exported")))
            .map(Map.Entry::getKey)
            .toList();
    }

    public synchronized Map<String, Object> purchaseOrder(long id) {
        return purchaseOrders.get(id);
    }

    public int tokensIssued() {
        return tokens.issued();
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        String path = request.getUrl().split("\\?", 2)[0];
        synchronized (this) {
            if (firstRequest == 0) {
                firstRequest = System.nanoTime();
            }
        }
        if (path.equals("/oauth2/token")) {
            return tokens.issue(request);
        }
        if (!tokens.authorized(request)) {
            return FakeHttp.answer(401, Map.of("errors", Map.of("authorization", List.of("invalid or missing token"))));
        }
        int call;
        synchronized (this) {
            call = ++apiCalls;
            lastApiCall = System.nanoTime();
            if (firstApiCall == 0) {
                firstApiCall = lastApiCall;
            }
        }
        ResponseDefinition fault = faults.answer(request, path, call, () -> FakeHttp.write(select(request)));
        if (fault != null) {
            return fault;
        }
        int latency;
        synchronized (this) {
            latency = latencyMillis;
        }
        if (latency > 0) {
            return ResponseDefinitionBuilder.like(route(request, path)).withFixedDelay(latency).build();
        }
        return route(request, path);
    }

    /** When the first request of any kind (the token request) arrived, System.nanoTime. */
    public synchronized long firstRequest() {
        return firstRequest;
    }

    /** So that {@link #firstRequest} tells when the next client's first request arrived. */
    public synchronized void forgetFirstRequest() {
        firstRequest = 0;
    }

    /** When the first and the last API call arrived (System.nanoTime), and how many there were. */
    public synchronized long[] apiCallSpan() {
        return new long[] {firstApiCall, lastApiCall, apiCalls};
    }

    private ResponseDefinition route(Request request, String path) {
        if (path.equals("/api/purchase_orders") && request.getMethod().getName().equals("GET")) {
            return FakeHttp.answer(200, select(request));
        }
        Matcher purchaseOrder = PURCHASE_ORDER.matcher(path);
        if (purchaseOrder.matches() && request.getMethod().getName().equals("GET")) {
            return readPurchaseOrder(Long.parseLong(purchaseOrder.group(1)), request);
        }
        if (purchaseOrder.matches() && request.getMethod().getName().equals("PUT")) {
            return FakeHttp.param(request, "exported") != null ? markExported(Long.parseLong(purchaseOrder.group(1)), request)
                    : updateCustomFields(Long.parseLong(purchaseOrder.group(1)), request);
        }
        ResponseDefinition monitored = monitoring.route(request, path);
        if (monitored != null) {
            return monitored;
        }
        return FakeHttp.answer(404, Map.of("errors", Map.of("request", List.of("No route for " + request.getMethod() + " " + path))));
    }

    /** From now on, Coupa refuses this call for this PO with {@code status} and a validation error. */
    public void refuse(CoupaRefusals.Call call, long purchaseOrderId, int status) {
        faults.refuse(call, purchaseOrderId, status);
    }

    /** The faults this Coupa can be told to answer with: 503s, 429s, slow or cut pages, its own rate limit. */
    public FakeCoupaFaults faults() {
        return faults;
    }

    /** Each token works for {@code calls} API calls, then answers 401, as an expired or revoked token does. */
    public void tokensLast(int calls) {
        tokens.lastFor(calls);
    }

    /** Every API call answers after {@code millis}, as a remote Coupa does. */
    public synchronized void latency(int millis) {
        latencyMillis = millis;
    }

    /** Marks of this PO are applied, but the connection is cut before the answer: a mark whose answer is lost. */
    public synchronized void cutMarkAnswers(long purchaseOrderId) {
        markAnswersCut = purchaseOrderId;
    }

    /** Marking this PO exported hangs for a minute and is not applied: time enough to kill the job in between. */
    public synchronized void hangWhenMarking(long purchaseOrderId) {
        hangingMark = purchaseOrderId;
    }

    private synchronized List<Map<String, Object>> select(Request request) {
        String exported = FakeHttp.param(request, "exported");
        String statuses = FakeHttp.param(request, "status[in]");
        String afterId = FakeHttp.param(request, "id[gt]");
        String limit = FakeHttp.param(request, "limit");
        String poNumbers = FakeHttp.param(request, "po-number[in]");
        // Coupa's guide pages by offset: skip that many matching POs (this job pages by id cursor instead).
        String offset = FakeHttp.param(request, "offset");
        int skip = offset == null ? 0 : Integer.parseInt(offset);
        Set<String> wanted = statuses == null ? null : Arrays.stream(statuses.split(",")).collect(Collectors.toSet());
        Set<String> numbers = poNumbers == null ? null : Set.of(poNumbers.split(","));
        List<Map<String, Object>> page = new ArrayList<>();
        for (Map<String, Object> po : purchaseOrders.tailMap(afterId == null ? Long.MIN_VALUE : Long.parseLong(afterId),
                false).values()) {
            if (exported != null && !String.valueOf(po.get("exported")).equals(exported)) {
                continue;
            }
            if (wanted != null && !wanted.contains(String.valueOf(po.get("status")))) {
                continue;
            }
            if (numbers != null && !numbers.contains(String.valueOf(po.get("po-number")))
                    || !ReconcileFilters.match(po, request)) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            page.add(fields(po, request));
            if (page.size() == Math.min(50, limit == null ? 50 : Integer.parseInt(limit))) {
                break;
            }
        }
        return page;
    }

    private synchronized ResponseDefinition markExported(long id, Request request) {
        Map<String, Object> po = purchaseOrders.get(id);
        if (po == null) {
            return FakeHttp.answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        if (id == hangingMark) {
            hangingMark = -1;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withFixedDelay(60_000).build();
        }
        po.put("exported", Boolean.parseBoolean(FakeHttp.param(request, "exported")));
        if (updatedAtMovesOnMark) {
            touch(po);
        }
        if (id == markAnswersCut) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return FakeHttp.answer(200, fields(po, request));
    }

    private synchronized ResponseDefinition readPurchaseOrder(long id, Request request) {
        Map<String, Object> po = purchaseOrders.get(id);
        if (po == null) {
            return FakeHttp.answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        return FakeHttp.answer(200, fields(po, request));
    }

    /** The PO as {@code fields=[...]} asks for it, or whole without it. */
    private Map<String, Object> fields(Map<String, Object> po, Request request) {
        String fields = FakeHttp.param(request, "fields");
        if (fields == null) {
            return new LinkedHashMap<>(po);
        }
        return CoupaFields.select(po, FakeHttp.read(fields, List.class));
    }

    /** Coupa moves {@code updated-at} on every update of a PO. */
    private static void touch(Map<String, Object> po) {
        po.put("updated-at", OffsetDateTime.parse(String.valueOf(po.get("updated-at"))).plusSeconds(1).toString());
    }

    /** Marking a PO exported (or not) moves its {@code updated-at} too, as Coupa may do for any update. */
    public synchronized void updatedAtMovesOnMark(boolean moves) {
        updatedAtMovesOnMark = moves;
    }

    private synchronized ResponseDefinition updateCustomFields(long id, Request request) {
        Map<String, Object> po = purchaseOrders.get(id);
        if (po == null) {
            return FakeHttp.answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) FakeHttp.body(request).get("custom-fields");
        @SuppressWarnings("unchecked")
        Map<String, Object> customFields = (Map<String, Object>) po.computeIfAbsent("custom-fields",
                key -> new LinkedHashMap<>());
        customFields.putAll(fields);
        touch(po);
        return FakeHttp.answer(200, Map.of("id", id, "exported", po.get("exported"), "custom-fields", customFields));
    }

    /** The status custom field of every PO that has one, by PO id. */
    @SuppressWarnings("unchecked")
    public synchronized Map<Long, Object> statusFields() {
        Map<Long, Object> fields = new TreeMap<>();
        purchaseOrders.forEach((id, po) -> {
            Map<String, Object> customFields = (Map<String, Object>) po.get("custom-fields");
            if (customFields != null && customFields.get(STATUS_FIELD) != null) {
                fields.put(id, customFields.get(STATUS_FIELD));
            }
        });
        return fields;
    }

    /** The integration runs created so far, oldest first. */
    public List<Map<String, Object>> integrationRuns() {
        return monitoring.integrationRuns();
    }

    /** The history records created so far, oldest first, each with its {@code resolved} and {@code alerted} state. */
    public List<Map<String, Object>> historyRecords() {
        return monitoring.historyRecords();
    }

    /** The integration errors created so far, oldest first. */
    public List<Map<String, Object>> integrationErrors() {
        return monitoring.integrationErrors();
    }

    /** An unresolved record from before this tool, or from a run that failed, for one PO. */
    public void addOpenHistoryRecord(long purchaseOrderId, String integrationCode, String status) {
        monitoring.addOpenHistoryRecord(purchaseOrderId, integrationCode, status);
    }
}
