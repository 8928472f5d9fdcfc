package io.github.coupapoexport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.FakeCoupa;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's reference: Coupa's integration guide followed literally, as a team writes it by hand from the guide
 * (its option 2, integration history records). Select a page by offset; then for each PO of it, one at a time: create
 * it in the ERP, mark it exported, look up its unresolved history records, resolve each, create the new one. Offset
 * paging while marking skips POs (each mark shifts the rest by one), so it passes over Coupa again until nothing is
 * left, as the next scheduled run of such a script would. No rate limiter: one call at a time never reaches Coupa's.
 */
final class NaiveOrchestration {

    private static final String STATUSES = "issued,canceled,cancelled,closed,soft_closed";

    private static final int PAGE = 50;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final JsonMapper json = JsonMapper.builder().build();

    private final String coupa;

    private final String erp;

    private String token;

    private int coupaCalls;

    NaiveOrchestration(String coupaBaseUrl, String erpBaseUrl) {
        this.coupa = coupaBaseUrl;
        this.erp = erpBaseUrl;
    }

    /** Exports every selected PO; returns how many it exported. */
    int exportAll() throws IOException, InterruptedException {
        token = json.readTree(send(HttpRequest.newBuilder(URI.create(coupa + "/oauth2/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id="
                    + FakeCoupa.CLIENT_ID + "&client_secret=" + FakeCoupa.CLIENT_SECRET + "&scope="
                    + encode("core.purchase_order.read core.purchase_order.write core.integration.read "
                            + "core.integration.write"))))).get("access_token").asString();
        int exported = 0;
        int exportedThisPass;
        do {
            exportedThisPass = 0;
            for (int offset = 0;; offset += PAGE) {
                JsonNode page = coupaCall("GET", "/api/purchase_orders?exported=false&show_deleted_lines=true"
                        + "&status[in]=" + STATUSES + "&offset=" + offset + "&limit=" + PAGE, null);
                for (JsonNode po : page) {
                    exportOne(po);
                    exportedThisPass++;
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
            exported += exportedThisPass;
        }
        while (exportedThisPass > 0);
        return exported;
    }

    int coupaCalls() {
        return coupaCalls;
    }

    private void exportOne(JsonNode po) throws IOException, InterruptedException {
        long id = po.get("id").asLong();
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("action", "CREATE");
        document.put("poNumber", po.get("po-number").asString());
        document.put("revision", po.get("version").asInt());
        document.put("supplierNumber", po.path("supplier").path("number").asString(""));
        document.put("currency", po.path("currency").path("code").asString(""));
        List<Map<String, String>> lines = new ArrayList<>();
        for (JsonNode line : po.path("order-lines")) {
            lines.add(Map.of("lineNumber", line.path("line-num").asString(""), "description",
                    line.path("description").asString(""), "quantity", line.path("quantity").asString(""), "price",
                    line.path("price").asString("")));
        }
        document.put("lines", lines);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(erp + "/purchase-orders"))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", "naive-" + id + "-" + po.get("version").asString())
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(document))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() / 100 != 2) {
            throw new IllegalStateException("the ERP refused PO " + id + ": " + created.statusCode());
        }
        coupaCall("PUT", "/api/purchase_orders/" + id + "?exported=true", null);
        JsonNode open = coupaCall("GET", "/api/integration_history_records?document-type=OrderHeader&document-id[in]="
                + id + "&resolved=false", null);
        for (JsonNode record : open) {
            coupaCall("PUT", "/api/integration_history_records/" + record.get("id").asLong() + "/resolve", null);
        }
        coupaCall("POST", "/api/integration_history_records", Map.of("document-type", "OrderHeader", "document-id", id,
                "status", "Success", "integration", Map.of("code", FakeCoupa.INTEGRATION_CODE),
                "responses", new Object[] {Map.of("response-code", "201", "response-message", "created")}));
    }

    private JsonNode coupaCall(String method, String pathAndQuery, Object body)
            throws IOException, InterruptedException {
        coupaCalls++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(coupa + pathAndQuery.replace("[", "%5B")
            .replace("]", "%5D")))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        return json.readTree(send(request));
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(response.statusCode() + " from Coupa: " + response.body());
        }
        return response.body();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
