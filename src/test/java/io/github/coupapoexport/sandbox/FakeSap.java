package io.github.coupapoexport.sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static io.github.coupapoexport.sandbox.FakeSapRules.send;

/**
 * SAP S/4HANA's OData V2 service {@code API_PURCHASEORDER_PROCESS_SRV} where the adapter relies on it: Basic
 * credentials or a bearer token of its {@link FakeSapTokenService}; a CSRF token fetched on the service root and bound to the session cookie set with it, a change
 * without it answered 403 {@code X-CSRF-Token: Required}; deep insert of {@code A_PurchaseOrder} numbered 45000000xx
 * (internal) or by the number given (external); look-ups by key and by {@code CorrespncExternalReference};
 * {@code {"d": ...}} wrapping; changes of header, items, schedule lines and account assignments with ETags as
 * {@link FakeSapChanges} makes them; SAP's error body for what {@link FakeSapRules} refuses. Tests can make it fail
 * ({@link #failNext}), expire its tokens, apply a create and lose its answer, or change an entity after a read.
 */
public class FakeSap {

    public static final String SERVICE = "/sap/opu/odata/sap/API_PURCHASEORDER_PROCESS_SRV";

    public static final String USER = "COUPA_COMM";

    public static final String PASSWORD = "sap-pass-3f9c";

    private static final String SESSION = "SAP_SESSIONID_S4H_100";

    private static final Pattern ENTITY = Pattern.compile("/A_PurchaseOrder\\('([^']*)'\\)(/to_PurchaseOrderItem)?");

    private static final Pattern REFERENCE = Pattern.compile("CorrespncExternalReference eq '([^']*)'");

    private final JsonMapper json = JsonMapper.builder().build();

    private final boolean externalNumbering;

    private final Map<String, String> tokens = new HashMap<>();

    private final Map<String, ObjectNode> purchaseOrders = new LinkedHashMap<>();

    private final List<String> calls = new ArrayList<>();

    private final List<JsonNode> created = new ArrayList<>();

    private final Deque<Integer> failures = new ArrayDeque<>();

    private final FakeSapTokenService tokenService = new FakeSapTokenService();

    private final FakeSapChanges changes = new FakeSapChanges(json, purchaseOrders);

    private long nextNumber = 4500000001L;

    private boolean loseNextCreateAnswer;

    private HttpServer server;

    public FakeSap(boolean externalNumbering) {
        this.externalNumbering = externalNumbering;
    }

    public FakeSap start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        return this;
    }

    public void stop() {
        server.stop(0);
    }

    public boolean externalNumbering() {
        return externalNumbering;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The settings of a deployment against this system: {@code --erp.type=sap-s4hana} and every required key. */
    public List<String> settings() {
        return new ArrayList<>(List.of("--erp.type=sap-s4hana", "--erp.sap.base-url=" + baseUrl(),
                "--erp.sap.username=" + USER, "--erp.sap.password=" + PASSWORD,
                "--erp.sap.numbering=" + (externalNumbering ? "external" : "internal"),
                "--erp.sap.company-code=1010", "--erp.sap.purchasing-organization=1010",
                "--erp.sap.purchasing-group=001", "--erp.sap.plant=1010", "--erp.sap.retry.initial-delay=5ms",
                "--erp.sap.retry.max-delay=20ms", "--erp.sap.retry.max-retries=2"));
    }

    /** Its OAuth 2.0 token service at {@code /oauth/token}; the service takes the tokens it issues. */
    public FakeSapTokenService tokenService() {
        return tokenService;
    }

    /** The next {@code times} calls, whatever they are, are answered {@code status}. */
    public synchronized void failNext(int status, int times) {
        for (int i = 0; i < times; i++) {
            failures.add(status);
        }
    }

    /** Every CSRF token given so far expires, as SAP's session does. */
    public synchronized void expireTokens() {
        tokens.clear();
    }

    /** The next create is applied, and its connection closed without an answer. */
    public synchronized void loseNextCreateAnswer() {
        loseNextCreateAnswer = true;
    }

    /** The next read of an item's {@code navigation} ({@code to_ScheduleLine}) is followed by a change in SAP. */
    public synchronized void changeAfterNextRead(String navigation) {
        changes.changeAfterNextRead(navigation);
    }

    /** The POs SAP holds, by SAP's number, with their items. */
    public synchronized Map<String, JsonNode> purchaseOrders() {
        return Map.copyOf(purchaseOrders);
    }

    /** The bodies of the deep inserts received, oldest first, as sent. */
    public synchronized List<JsonNode> created() {
        return List.copyOf(created);
    }

    /** Every call, oldest first: method and path with the query, e.g. {@code GET /A_PurchaseOrder('4821')}. */
    public synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        String query = exchange.getRequestURI().getRawQuery();
        byte[] body = exchange.getRequestBody().readAllBytes();
        String inService = path.startsWith(SERVICE) ? path.substring(SERVICE.length()) : null;
        calls.add(method + " " + (inService == null ? path : inService) + (query == null ? "" : "?"
                + URLDecoder.decode(query, StandardCharsets.UTF_8)));
        String basic = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(
                StandardCharsets.UTF_8));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!failures.isEmpty()) {
            int status = failures.poll();
            send(exchange, status, "text/html", "<html><body>HTTP " + status + "</body></html>");
        }
        else if (path.equals(FakeSapTokenService.PATH)) {
            tokenService.handle(exchange, body);
        }
        else if (!basic.equals(authorization) && !tokenService.authorizes(authorization)) {
            send(exchange, 401, "text/html", "<html><body>Logon failed</body></html>");
        }
        else if (inService == null) {
            send(exchange, 404, "text/html", "<html><body>Not found</body></html>");
        }
        else if (method.equals("GET") && (inService.isEmpty() || inService.equals("/"))) {
            serviceRoot(exchange);
        }
        else if (!method.equals("GET") && !FakeSapRules.validToken(exchange.getRequestHeaders(), SESSION, tokens)) {
            exchange.getResponseHeaders().set("X-CSRF-Token", "Required");
            send(exchange, 403, "text/plain", "CSRF token validation failed");
        }
        else {
            route(exchange, method, inService, query == null ? "" : URLDecoder.decode(query, StandardCharsets.UTF_8),
                    body);
        }
    }

    private void route(HttpExchange exchange, String method, String path, String query, byte[] body)
            throws IOException {
        Matcher entity = ENTITY.matcher(path);
        if (changes.route(exchange, method, path, body)) {
            return;
        }
        if (method.equals("POST") && path.equals("/A_PurchaseOrder")) {
            create(exchange, json.readTree(body));
        }
        else if (method.equals("GET") && path.equals("/A_PurchaseOrder")) {
            Matcher filter = REFERENCE.matcher(query);
            String reference = filter.find() ? filter.group(1) : null;
            List<JsonNode> found = purchaseOrders.values().stream().filter(po -> po.path("CorrespncExternalReference")
                .asString("").equals(reference)).map(po -> (JsonNode) po).limit(1).toList();
            sendData(exchange, 200, json.createObjectNode().set("results", json.valueToTree(found)));
        }
        else if (entity.matches() && !purchaseOrders.containsKey(entity.group(1))) {
            error(exchange, 404, "/IWBEP/CM_MGW_RT/020", List.of("Resource not found for segment 'A_PurchaseOrder'"));
        }
        else if (entity.matches() && entity.group(2) == null && method.equals("GET")) {
            sendData(exchange, 200, purchaseOrders.get(entity.group(1)));
        }
        else if (entity.matches() && method.equals("GET")) {
            sendData(exchange, 200, json.createObjectNode().set("results",
                    purchaseOrders.get(entity.group(1)).get("to_PurchaseOrderItem")));
        }
        else if (entity.matches() && method.equals("POST")) {
            ObjectNode newItem = (ObjectNode) json.readTree(body);
            List<String> problems = FakeSapRules.itemProblems(newItem);
            if (!problems.isEmpty()) {
                error(exchange, 400, "/IWBEP/CM_MGW_RT/022", problems);
                return;
            }
            ((ArrayNode) purchaseOrders.get(entity.group(1)).get("to_PurchaseOrderItem"))
                .add(stored(newItem, entity.group(1)));
            sendData(exchange, 201, newItem);
        }
        else {
            error(exchange, 405, "/IWBEP/CM_MGW_RT/004", List.of("Method " + method + " not allowed for " + path));
        }
    }

    private void serviceRoot(HttpExchange exchange) throws IOException {
        if ("Fetch".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("X-CSRF-Token"))) {
            FakeSapRules.issueToken(exchange.getResponseHeaders(), SESSION, tokens);
        }
        sendData(exchange, 200, json.createObjectNode().set("EntitySets", json.valueToTree(
                List.of("A_PurchaseOrder", "A_PurchaseOrderItem", "A_PurOrdAccountAssignment",
                "A_PurchaseOrderScheduleLine"))));
    }

    private void create(HttpExchange exchange, JsonNode body) throws IOException {
        created.add(body);
        List<String> problems = FakeSapRules.createProblems(body, externalNumbering, purchaseOrders.keySet());
        String given = body.path("PurchaseOrder").asString("");
        if (!problems.isEmpty()) {
            error(exchange, 400, "ME/001", problems);
            return;
        }
        String number = externalNumbering ? given : String.valueOf(nextNumber++);
        ObjectNode po = ((ObjectNode) body).deepCopy();
        po.put("PurchaseOrder", number);
        po.path("to_PurchaseOrderItem").forEach(each -> stored((ObjectNode) each, number));
        changes.stamp(po);
        purchaseOrders.put(number, po);
        if (loseNextCreateAnswer) {
            loseNextCreateAnswer = false;
            exchange.close();
            return;
        }
        sendData(exchange, 201, po);
    }

    /** An item as SAP keeps it: with its PO's number and an ETag. */
    private ObjectNode stored(ObjectNode item, String number) {
        item.put("PurchaseOrder", number);
        changes.stampItem(item);
        return item;
    }

    private void error(HttpExchange exchange, int status, String code, List<String> messages) throws IOException {
        send(exchange, status, "application/json", FakeSapRules.errorBody(json, code, messages));
    }

    private void sendData(HttpExchange exchange, int status, JsonNode data) throws IOException {
        send(exchange, status, "application/json", json.writeValueAsString(json.createObjectNode().set("d", data)));
    }
}
