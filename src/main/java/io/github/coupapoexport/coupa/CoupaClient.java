package io.github.coupapoexport.coupa;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Coupa calls of the export (contract section 3). Every answer is checked before it is believed: a page that
 * is not a JSON array of POs with ascending ids is an error that names the URL and what came back, never an empty
 * page.
 */
public class CoupaClient {

    /** Only what the mapping reads; Coupa's full PO payload is large and slow. */
    static final String PURCHASE_ORDER_FIELDS = """
            ["id","po-number","version","status","updated-at","exported","total",\
            {"currency":["code"]},{"supplier":["name","number"]},{"payment-term":["code"]},\
            {"ship-to-address":["name","street1","street2","city","state","postal-code",{"country":["code"]}]},\
            {"ship-to-user":["login"]},{"requester":["login"]},\
            {"order-lines":["id","line-num","type","description","quantity","price","total",{"uom":["code"]},\
            "need-by-date",{"account":["code"]},{"commodity":["name"]},"deleted-at"]}]""";

    static final String MARK_EXPORTED_FIELDS = "[\"id\",\"exported\"]";

    private static final TypeReference<List<CoupaPurchaseOrder>> PURCHASE_ORDERS = new TypeReference<>() {
    };

    private static final int SNIPPET_LENGTH = 200;

    private final RestClient restClient;

    private final JsonMapper coupaJson;

    private final CoupaProperties properties;

    public CoupaClient(RestClient restClient, JsonMapper coupaJson, CoupaProperties properties) {
        this.restClient = restClient;
        this.coupaJson = coupaJson;
        this.properties = properties;
    }

    /**
     * The next page of POs to export: not yet exported, in one of the configured statuses, with an id above
     * {@code afterId}, in ascending id order. Paging is by id cursor because marking POs exported while reading
     * shifts every offset.
     */
    public List<CoupaPurchaseOrder> purchaseOrdersToExport(long afterId, int limit) {
        return withToken(() -> restClient.get()
            .uri(builder -> selection(builder, afterId, limit))
            .accept(MediaType.APPLICATION_JSON)
            .exchange((request, response) -> {
                byte[] body = response.getBody().readAllBytes();
                URI uri = request.getURI();
                requireSuccess("GET", uri, response.getStatusCode(), body);
                return checkedPage(uri, response.getHeaders().getContentType(), body, afterId);
            }));
    }

    /** Marks one PO exported: {@code PUT /api/purchase_orders/{id}?exported=true}, no body, as Coupa requires. */
    public void markExported(long purchaseOrderId) {
        withToken(() -> restClient.put()
            .uri(builder -> builder.path("/api/purchase_orders/{id}")
                .queryParam("exported", "true")
                .queryParam("fields", "{fields}")
                .build(Map.of("id", purchaseOrderId, "fields", MARK_EXPORTED_FIELDS)))
            .accept(MediaType.APPLICATION_JSON)
            .exchange((request, response) -> {
                byte[] body = response.getBody().readAllBytes();
                requireSuccess("PUT", request.getURI(), response.getStatusCode(), body);
                return null;
            }));
    }

    /** Runs a call, turning a refused token request into an error that names the client, never its secret. */
    private <T> T withToken(Supplier<T> call) {
        try {
            return call.get();
        }
        catch (OAuth2AuthorizationException refused) {
            throw new CoupaCredentialsRefusedException("Coupa refused the client credentials of client id '"
                    + properties.clientId() + "' for scopes " + properties.scopes() + " at " + properties.root()
                    + "/oauth2/token: " + refused.getError().getErrorCode() + " " + refused.getError().getDescription(),
                    refused);
        }
    }

    private URI selection(UriBuilder builder, long afterId, int limit) {
        // Values go in as URI variables: the fields JSON has braces that a URI template would try to expand.
        builder.path("/api/purchase_orders")
            .queryParam("exported", "false")
            .queryParam("status[in]", "{statuses}")
            .queryParam("show_deleted_lines", "true")
            .queryParam("id[gt]", "{afterId}")
            .queryParam("order_by", "id")
            .queryParam("dir", "asc")
            .queryParam("limit", "{limit}")
            .queryParam("fields", "{fields}");
        if (properties.apiFilter() != null && !properties.apiFilter().isBlank()) {
            builder.queryParam("filter", "{filter}");
        }
        return builder.build(Map.of("statuses", String.join(",", properties.statuses()), "afterId", afterId,
                "limit", limit, "fields", PURCHASE_ORDER_FIELDS, "filter",
                properties.apiFilter() == null ? "" : properties.apiFilter()));
    }

    private List<CoupaPurchaseOrder> checkedPage(URI uri, MediaType contentType, byte[] body, long afterId) {
        if (!startsWithArray(body)) {
            throw new CoupaCallException("GET " + uri + " did not answer with a JSON array of purchase orders"
                    + (contentType == null ? "" : " (Content-Type " + contentType + ")") + ": " + snippet(body));
        }
        List<CoupaPurchaseOrder> page;
        try {
            page = coupaJson.readValue(body, PURCHASE_ORDERS);
        }
        catch (JacksonException ex) {
            throw new CoupaCallException("GET " + uri + " answered with JSON that cannot be read as purchase orders ("
                    + ex.getOriginalMessage() + "): " + snippet(body), ex);
        }
        long previousId = afterId;
        for (int i = 0; i < page.size(); i++) {
            CoupaPurchaseOrder po = page.get(i);
            if (po == null || po.id() == null) {
                throw new CoupaCallException("GET " + uri + " answered with a purchase order without an id (element "
                        + i + " of the page)");
            }
            if (po.id() <= previousId) {
                throw new CoupaCallException("GET " + uri + " answered with PO id " + po.id() + " after id "
                        + previousId + ": the page is not in ascending id order, so the id cursor cannot page it");
            }
            previousId = po.id();
        }
        return page;
    }

    private static void requireSuccess(String method, URI uri, HttpStatusCode status, byte[] body) {
        if (!status.is2xxSuccessful()) {
            throw new CoupaCallException(method + " " + uri + " answered HTTP " + status.value() + ": " + snippet(body));
        }
    }

    private static boolean startsWithArray(byte[] body) {
        for (byte b : body) {
            if (!Character.isWhitespace(b)) {
                return b == '[';
            }
        }
        return false;
    }

    static String snippet(byte[] body) {
        if (body.length == 0) {
            return "(empty body)";
        }
        String text = new String(body, 0, Math.min(body.length, SNIPPET_LENGTH * 2), StandardCharsets.UTF_8)
            .replaceAll("\\s+", " ")
            .strip();
        return text.length() > SNIPPET_LENGTH ? text.substring(0, SNIPPET_LENGTH) + "..." : text;
    }
}
