package io.github.coupapoexport.coupa;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.type.TypeReference;

/**
 * The purchase order calls of the export (contract section 3). A page must be a JSON array of POs with ascending
 * ids; anything else is an error that names the URL and what came back, never an empty page.
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

    static final String ID_FIELDS = "[\"id\"]";

    static final String MARK_EXPORTED_FIELDS = "[\"id\",\"exported\",\"version\",\"status\"]";

    private static final TypeReference<List<CoupaPurchaseOrder>> PURCHASE_ORDERS = new TypeReference<>() {
    };

    private final CoupaApi api;

    private final CoupaProperties properties;

    public CoupaClient(CoupaApi api, CoupaProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    /**
     * The next page of POs to export: not yet exported, in one of the configured statuses, with an id above
     * {@code afterId}, in ascending id order. Paging is by id cursor because marking POs exported while reading
     * shifts every offset.
     */
    public List<CoupaPurchaseOrder> purchaseOrdersToExport(Selection selection, long afterId, int limit) {
        return page("select purchase orders", selection, afterId, limit, PURCHASE_ORDER_FIELDS);
    }

    /** How many POs the selection holds above {@code afterId}, counted by paging their ids only. */
    public long countPurchaseOrdersToExport(Selection selection, long afterId) {
        long count = 0;
        long cursor = afterId;
        while (true) {
            List<CoupaPurchaseOrder> ids = page("count purchase orders", selection, cursor, CoupaProperties.MAX_PAGE_SIZE,
                    ID_FIELDS);
            count += ids.size();
            if (ids.size() < CoupaProperties.MAX_PAGE_SIZE) {
                return count;
            }
            cursor = ids.get(ids.size() - 1).id();
        }
    }

    /**
     * Marks one PO exported: {@code PUT /api/purchase_orders/{id}?exported=true}, no body, as Coupa requires. The answer
     * names the PO's version and status now, so that a PO that moved on while it was being exported can be put back.
     */
    public PurchaseOrderState markExported(long purchaseOrderId) {
        return setExported("mark exported", purchaseOrderId, true);
    }

    /** Puts a PO back to not exported ({@code ?exported=false}), so that Coupa offers its current snapshot again. */
    public PurchaseOrderState markNotExported(long purchaseOrderId) {
        return setExported("mark not exported", purchaseOrderId, false);
    }

    /** The PO's version and status now; for when an answer to a mark did not name them. */
    public PurchaseOrderState state(long purchaseOrderId) {
        CoupaApi.Answer answer = api.call("read purchase order state", HttpMethod.GET,
                builder -> builder.path("/api/purchase_orders/{id}")
                    .queryParam("fields", "{fields}")
                    .build(Map.of("id", purchaseOrderId, "fields", MARK_EXPORTED_FIELDS)), null);
        return api.object(answer, PurchaseOrderState.class, "purchase order");
    }

    private PurchaseOrderState setExported(String purpose, long purchaseOrderId, boolean exported) {
        CoupaApi.Answer answer = api.call(purpose, HttpMethod.PUT, builder -> builder.path("/api/purchase_orders/{id}")
            .queryParam("exported", String.valueOf(exported))
            .queryParam("fields", "{fields}")
            .build(Map.of("id", purchaseOrderId, "fields", MARK_EXPORTED_FIELDS)), null);
        try {
            return api.object(answer, PurchaseOrderState.class, "purchase order");
        }
        catch (CoupaCallException unreadable) {
            // The mark is done; only its answer is of no use. The caller asks for the state on its own.
            return new PurchaseOrderState(purchaseOrderId, null, null, null);
        }
    }

    private List<CoupaPurchaseOrder> page(String purpose, Selection selection, long afterId, int limit, String fields) {
        List<CoupaPurchaseOrder> page = api.getList(purpose, builder -> query(builder, selection, afterId, limit, fields),
                PURCHASE_ORDERS, "purchase orders");
        String call = "GET /api/purchase_orders?id[gt]=" + afterId;
        long previousId = afterId;
        for (int i = 0; i < page.size(); i++) {
            CoupaPurchaseOrder po = page.get(i);
            if (po == null || po.id() == null) {
                throw new CoupaCallException(call + " answered with a purchase order without an id (element "
                        + i + " of the page)");
            }
            if (po.id() <= previousId) {
                throw new CoupaCallException(call + " answered with PO id " + po.id() + " after id "
                        + previousId + ": the page is not in ascending id order, so the id cursor cannot page it");
            }
            previousId = po.id();
        }
        return page;
    }

    private URI query(UriBuilder builder, Selection selection, long afterId, int limit, String fields) {
        // Values go in as URI variables: the fields JSON has braces that a URI template would try to expand.
        builder.path("/api/purchase_orders");
        if (selection.replay()) {
            builder.queryParam("po-number[in]", "{poNumbers}");
        }
        else {
            builder.queryParam("exported", "false");
        }
        builder.queryParam("status[in]", "{statuses}")
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
                "limit", limit, "fields", fields, "filter", properties.apiFilter() == null ? "" : properties.apiFilter(),
                "poNumbers", String.join(",", selection.poNumbers())));
    }
}
