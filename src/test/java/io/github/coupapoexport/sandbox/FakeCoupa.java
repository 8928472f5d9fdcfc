package io.github.coupapoexport.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import tools.jackson.databind.json.JsonMapper;

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

    private static final Pattern RUN_ACTION = Pattern.compile("/api/integration_runs/(\\d+)(?:/(run|success|fail|pending|pause))?");

    private static final Pattern RECORDS = Pattern.compile("/api/(integration_history_records|integration_errors)(?:/(create_alert|(\\d+)/resolve))?");

    private final TreeMap<Long, Map<String, Object>> integrationRuns = new TreeMap<>();

    private final TreeMap<Long, Map<String, Object>> historyRecords = new TreeMap<>();

    private final TreeMap<Long, Map<String, Object>> integrationErrors = new TreeMap<>();

    private long nextRunId = 900;

    private long nextRecordId = 5000;

    private final JsonMapper json = JsonMapper.builder().build();

    private final TreeMap<Long, Map<String, Object>> purchaseOrders = new TreeMap<>();

    private final Set<String> issuedTokens = new HashSet<>();

    private final AtomicInteger tokenCount = new AtomicInteger();

    private WireMockServer server;

    private int apiCalls;

    private long firstApiCall;

    private long lastApiCall;

    private long firstRequest;

    private int failEvery;

    private int throttled;

    private int retryAfterSeconds;

    private int slowGets;

    private int slowMillis;

    private boolean truncateNextPage;

    private int tokenCallsLeft = Integer.MAX_VALUE;

    private int tokenLifetimeCalls = Integer.MAX_VALUE;

    private long hangingMark = -1;

    private int latencyMillis;

    private double limitPerSecond;

    private double bucket;

    private int burst;

    private long bucketRefilledAt;

    private int rateLimited;

    private boolean updatedAtMovesOnMark;

    private long markAnswersCut = -1;

    private final CoupaRefusals refusals = new CoupaRefusals();

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
        return tokenCount.get();
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
            return token(request);
        }
        if (!authorized(request)) {
            return answer(401, Map.of("errors", Map.of("authorization", List.of("invalid or missing token"))));
        }
        ResponseDefinition fault = fault(request, path);
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
            return answer(200, select(request));
        }
        Matcher purchaseOrder = PURCHASE_ORDER.matcher(path);
        if (purchaseOrder.matches() && request.getMethod().getName().equals("GET")) {
            return readPurchaseOrder(Long.parseLong(purchaseOrder.group(1)), request);
        }
        if (purchaseOrder.matches() && request.getMethod().getName().equals("PUT")) {
            return param(request, "exported") != null ? markExported(Long.parseLong(purchaseOrder.group(1)), request)
                    : updateCustomFields(Long.parseLong(purchaseOrder.group(1)), request);
        }
        if (path.equals("/api/integration_runs") && request.getMethod().getName().equals("POST")) {
            return createRun(request);
        }
        Matcher run = RUN_ACTION.matcher(path);
        if (run.matches() && request.getMethod().getName().equals("PUT")) {
            return updateRun(Long.parseLong(run.group(1)), run.group(2), request);
        }
        Matcher records = RECORDS.matcher(path);
        if (records.matches()) {
            return records(records.group(1), records.group(2), records.group(3), request);
        }
        return answer(404, Map.of("errors", Map.of("request", List.of("No route for " + request.getMethod() + " " + path))));
    }

    /** From now on, Coupa refuses this call for this PO with {@code status} and a validation error. */
    public void refuse(CoupaRefusals.Call call, long purchaseOrderId, int status) {
        refusals.refuse(call, purchaseOrderId, status);
    }

    /** Every {@code n}-th API call answers 503 (10 for "10 % of calls"). */
    public synchronized void failEvery(int n) {
        failEvery = n;
    }

    /** The next {@code calls} API calls answer 429 with {@code Retry-After: seconds}. */
    public synchronized void throttle(int calls, int seconds) {
        throttled = calls;
        retryAfterSeconds = seconds;
    }

    /** The next {@code calls} GETs answer only after {@code millis}. */
    public synchronized void slowDownGets(int calls, int millis) {
        slowGets = calls;
        slowMillis = millis;
    }

    /** The next page of POs comes back cut off in the middle of its JSON. */
    public synchronized void truncateNextPage() {
        truncateNextPage = true;
    }

    /** Every API call answers after {@code millis}, as a remote Coupa does. */
    public synchronized void latency(int millis) {
        latencyMillis = millis;
    }

    /** Coupa's own limit: {@code perSecond} requests a second with a burst of {@code burst}; beyond it, 429. */
    public synchronized void limitTo(double perSecond, int burst) {
        limitPerSecond = perSecond;
        this.burst = burst;
        bucket = burst;
        bucketRefilledAt = System.nanoTime();
    }

    /** How many calls the limit of {@link #limitTo} refused. */
    public synchronized int rateLimited() {
        return rateLimited;
    }

    /** Marks of this PO are applied, but the connection is cut before the answer: a mark whose answer is lost. */
    public synchronized void cutMarkAnswers(long purchaseOrderId) {
        markAnswersCut = purchaseOrderId;
    }

    /** Marking this PO exported hangs for a minute and is not applied: time enough to kill the job in between. */
    public synchronized void hangWhenMarking(long purchaseOrderId) {
        hangingMark = purchaseOrderId;
    }

    /** Each token works for {@code calls} API calls, then answers 401, as an expired or revoked token does. */
    public synchronized void tokensLast(int calls) {
        tokenLifetimeCalls = calls;
        tokenCallsLeft = calls;
    }

    private synchronized ResponseDefinition fault(Request request, String path) {
        apiCalls++;
        lastApiCall = System.nanoTime();
        if (firstApiCall == 0) {
            firstApiCall = lastApiCall;
        }
        if (limitPerSecond > 0) {
            long now = System.nanoTime();
            bucket = Math.min(burst, bucket + (now - bucketRefilledAt) / 1e9 * limitPerSecond);
            bucketRefilledAt = now;
            if (bucket < 1) {
                rateLimited++;
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Retry-After", "1")
                    .withBody("{\"errors\":{\"base\":[\"Rate limit exceeded\"]}}").build();
            }
            bucket -= 1;
        }
        if (throttled > 0) {
            throttled--;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(429)
                .withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                .withBody("{\"errors\":{\"base\":[\"Rate limit exceeded\"]}}")
                .build();
        }
        ResponseDefinition refusal = refusals.answer(request, path, body(request));
        if (refusal != null) {
            return refusal;
        }
        if (failEvery > 0 && apiCalls % failEvery == 0) {
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withBody("Service Unavailable").build();
        }
        boolean get = request.getMethod().getName().equals("GET");
        if (get && slowGets > 0) {
            slowGets--;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withFixedDelay(slowMillis)
                .withBody("[]").build();
        }
        if (get && truncateNextPage && path.equals("/api/purchase_orders")
                && !"[\"id\"]".equals(param(request, "fields"))) {
            truncateNextPage = false;
            String page = json.writeValueAsString(select(request));
            return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(page.substring(0, page.length() / 2)).build();
        }
        return null;
    }

    private ResponseDefinition token(Request request) {
        Map<String, String> form = form(request.getBodyAsString());
        if (!"client_credentials".equals(form.get("grant_type")) || !CLIENT_ID.equals(form.get("client_id"))
                || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            return answer(401, Map.of("error", "invalid_client"));
        }
        String token = "token-" + tokenCount.incrementAndGet();
        synchronized (this) {
            issuedTokens.add(token);
            tokenCallsLeft = tokenLifetimeCalls;
        }
        return answer(200, Map.of("access_token", token, "token_type", "bearer", "expires_in", 86399, "scope",
                form.getOrDefault("scope", "")));
    }

    private synchronized boolean authorized(Request request) {
        String authorization = request.getHeader("Authorization");
        boolean known = authorization != null && authorization.startsWith("Bearer ")
                && issuedTokens.contains(authorization.substring("Bearer ".length()));
        if (known && tokenLifetimeCalls != Integer.MAX_VALUE && --tokenCallsLeft < 0) {
            // The token has run out: every token issued so far is refused from now on.
            issuedTokens.clear();
            return false;
        }
        return known;
    }

    private synchronized List<Map<String, Object>> select(Request request) {
        String exported = param(request, "exported");
        String statuses = param(request, "status[in]");
        String afterId = param(request, "id[gt]");
        String limit = param(request, "limit");
        String poNumbers = param(request, "po-number[in]");
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
            if (numbers != null && !numbers.contains(String.valueOf(po.get("po-number")))) {
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
            return answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        if (id == hangingMark) {
            hangingMark = -1;
            return ResponseDefinitionBuilder.responseDefinition().withStatus(503).withFixedDelay(60_000).build();
        }
        po.put("exported", Boolean.parseBoolean(param(request, "exported")));
        if (updatedAtMovesOnMark) {
            touch(po);
        }
        if (id == markAnswersCut) {
            return ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return answer(200, fields(po, request));
    }

    private synchronized ResponseDefinition readPurchaseOrder(long id, Request request) {
        Map<String, Object> po = purchaseOrders.get(id);
        if (po == null) {
            return answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        return answer(200, fields(po, request));
    }

    /** The PO as {@code fields=[...]} asks for it, or whole without it. */
    private Map<String, Object> fields(Map<String, Object> po, Request request) {
        String fields = param(request, "fields");
        if (fields == null) {
            return new LinkedHashMap<>(po);
        }
        return CoupaFields.select(po, json.readValue(fields, List.class));
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
            return answer(404, Map.of("errors", Map.of("purchase_order", List.of("No purchase order " + id))));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = (Map<String, Object>) body(request).get("custom-fields");
        @SuppressWarnings("unchecked")
        Map<String, Object> customFields = (Map<String, Object>) po.computeIfAbsent("custom-fields",
                key -> new LinkedHashMap<>());
        customFields.putAll(fields);
        touch(po);
        return answer(200, Map.of("id", id, "exported", po.get("exported"), "custom-fields", customFields));
    }

    private synchronized ResponseDefinition createRun(Request request) {
        @SuppressWarnings("unchecked")
        Map<String, Object> integration = (Map<String, Object>) body(request).get("integration");
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", ++nextRunId);
        run.put("integration-code", integration.get("code"));
        run.put("status", "pending");
        run.put("total-records", null);
        run.put("records-processed", null);
        integrationRuns.put(nextRunId, run);
        return answer(201, run);
    }

    private synchronized ResponseDefinition updateRun(long id, String action, Request request) {
        Map<String, Object> run = integrationRuns.get(id);
        if (run == null) {
            return answer(404, Map.of("errors", Map.of("integration_run", List.of("No integration run " + id))));
        }
        if (action == null) {
            run.putAll(body(request));
        }
        else {
            switch (action) {
                case "run" -> {
                    run.put("status", "running");
                    run.put("total-records", body(request).get("total_records"));
                }
                case "success" -> run.put("status", "successful");
                case "fail" -> run.put("status", "failed");
                default -> run.put("status", action);
            }
        }
        return answer(200, run);
    }

    private synchronized ResponseDefinition records(String kind, String action, String resolveId, Request request) {
        TreeMap<Long, Map<String, Object>> store = kind.equals("integration_errors") ? integrationErrors : historyRecords;
        String method = request.getMethod().getName();
        if (resolveId != null && method.equals("PUT")) {
            Map<String, Object> record = store.get(Long.parseLong(resolveId));
            if (record == null) {
                return answer(404, Map.of("errors", Map.of(kind, List.of("No record " + resolveId))));
            }
            record.put("resolved", true);
            return answer(200, List.of(record));
        }
        if (method.equals("POST") && (action == null || action.equals("create_alert"))) {
            Map<String, Object> record = new LinkedHashMap<>(body(request));
            record.put("id", ++nextRecordId);
            record.put("resolved", false);
            record.put("alerted", "create_alert".equals(action));
            if (kind.equals("integration_errors")) {
                Map<String, Object> run = integrationRuns.get(Long.parseLong(String.valueOf(record.get("integration-run-id"))));
                record.put("integration-code", run == null ? null : run.get("integration-code"));
            }
            else {
                @SuppressWarnings("unchecked")
                Map<String, Object> integration = (Map<String, Object>) record.get("integration");
                record.put("integration-code", integration == null ? null : integration.get("code"));
            }
            store.put(nextRecordId, record);
            return answer(201, Map.of("id", nextRecordId, "document-id", record.get("document-id"), "status",
                    record.get("status")));
        }
        if (method.equals("GET") && action == null) {
            String resolved = param(request, "resolved");
            String documentIds = param(request, "document-id[in]");
            String code = param(request, "integration[code]");
            String afterId = param(request, "id[gt]");
            String limit = param(request, "limit");
            Set<String> ids = documentIds == null ? null : Set.of(documentIds.split(","));
            List<Map<String, Object>> page = new ArrayList<>();
            for (Map<String, Object> record : store.tailMap(afterId == null ? 0 : Long.parseLong(afterId), false).values()) {
                if ((resolved == null || String.valueOf(record.get("resolved")).equals(resolved))
                        && (ids == null || ids.contains(String.valueOf(record.get("document-id"))))
                        && (code == null || code.equals(record.get("integration-code")))) {
                    page.add(Map.of("id", record.get("id"), "document-id", record.get("document-id"), "status",
                            record.get("status"), "resolved", record.get("resolved")));
                }
                if (page.size() == (limit == null ? 50 : Integer.parseInt(limit))) {
                    break;
                }
            }
            return answer(200, page);
        }
        return answer(404, Map.of("errors", Map.of(kind, List.of("No route for " + method + " " + request.getUrl()))));
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
    public synchronized List<Map<String, Object>> integrationRuns() {
        return copies(integrationRuns);
    }

    /** The history records created so far, oldest first, each with its {@code resolved} and {@code alerted} state. */
    public synchronized List<Map<String, Object>> historyRecords() {
        return copies(historyRecords);
    }

    /** The integration errors created so far, oldest first. */
    public synchronized List<Map<String, Object>> integrationErrors() {
        return copies(integrationErrors);
    }

    /** An unresolved record from before this tool, or from a run that failed, for one PO. */
    public synchronized void addOpenHistoryRecord(long purchaseOrderId, String integrationCode, String status) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", ++nextRecordId);
        record.put("document-type", "OrderHeader");
        record.put("document-id", purchaseOrderId);
        record.put("status", status);
        record.put("resolved", false);
        record.put("integration-code", integrationCode);
        historyRecords.put(nextRecordId, record);
    }

    private static List<Map<String, Object>> copies(TreeMap<Long, Map<String, Object>> store) {
        return store.values().stream().map(record -> (Map<String, Object>) new LinkedHashMap<>(record)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(Request request) {
        String body = request.getBodyAsString();
        return body == null || body.isBlank() ? Map.of() : json.readValue(body, Map.class);
    }

    private static String param(Request request, String name) {
        QueryParameter parameter = request.queryParameter(name);
        return parameter == null || !parameter.isPresent() ? null : parameter.firstValue();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            if (parts.length == 2) {
                form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    private ResponseDefinition answer(int status, Object body) {
        return ResponseDefinitionBuilder.responseDefinition()
            .withStatus(status)
            .withHeader("Content-Type", "application/json; charset=utf-8")
            .withBody(json.writeValueAsString(body))
            .build();
    }
}
