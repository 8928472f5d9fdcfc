package io.github.coupapoexport.coupa;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriBuilder;
import tools.jackson.core.type.TypeReference;

/**
 * The purchase order calls of the export (contract section 3). A page must be a JSON array of POs with ascending
 * ids; anything else is an error that names the URL and what came back, never an empty page.
 */
public class CoupaClient implements PurchaseOrderMarks {

    /** An account as the mapping reads it: its code and segments 1 to 20. */
    static final String ACCOUNT_FIELDS = IntStream.rangeClosed(1, CoupaPurchaseOrder.Account.SEGMENTS)
        .mapToObj(segment -> "\"segment-" + segment + "\"")
        .collect(Collectors.joining(",", "{\"account\":[\"code\",", "]}"));

    /** Only what the mapping reads; Coupa's full PO payload is large and slow. */
    static final String PURCHASE_ORDER_FIELDS = """
            ["id","po-number","version","status","updated-at","exported","total",\
            {"currency":["code"]},{"supplier":["name","number"]},{"payment-term":["code"]},\
            {"ship-to-address":["name","street1","street2","city","state","postal-code",{"country":["code"]}]},\
            {"ship-to-user":["login"]},{"requester":["login"]},\
            {"order-lines":["id","line-num","type","description","quantity","price","total",{"uom":["code"]},\
            "need-by-date",%s,{"account-allocations":["pct","amount",%s]},{"commodity":["name"]},"deleted-at"]}]"""
        .formatted(ACCOUNT_FIELDS, ACCOUNT_FIELDS);

    static final String ID_FIELDS = "[\"id\"]";

    static final String MARK_EXPORTED_FIELDS = "[\"id\",\"exported\",\"version\",\"status\"]";

    private static final TypeReference<List<PageElement>> PAGE_ELEMENTS = new TypeReference<>() {
    };

    private static final Logger log = LoggerFactory.getLogger(CoupaClient.class);

    private final CoupaApi api;

    private final CoupaProperties properties;

    public CoupaClient(CoupaApi api, CoupaProperties properties) {
        this.api = api;
        this.properties = properties;
    }

    /**
     * The POs to export, page by page: not yet exported (or, in a replay, the numbers asked for), in one of the
     * configured statuses, with an id above {@code afterId}, in ascending id order.
     */
    public IdCursorPager purchaseOrdersToExport(Selection selection, long afterId, int pageSize) {
        return new IdCursorPager((cursor, limit) -> page("select purchase orders", selection, cursor, limit,
                PURCHASE_ORDER_FIELDS), afterId, pageSize);
    }

    /** The ids of the POs the selection holds above {@code afterId}, page by page (a baseline's dry run). */
    public IdCursorPager purchaseOrderIds(Selection selection, long afterId) {
        return new IdCursorPager((cursor, limit) -> page("select purchase order ids", selection, cursor, limit,
                ID_FIELDS), afterId, CoupaProperties.MAX_PAGE_SIZE);
    }

    /** How many POs the selection holds above {@code afterId}, counted by paging their ids only. */
    public long countPurchaseOrdersToExport(Selection selection, long afterId) {
        IdCursorPager ids = new IdCursorPager((cursor, limit) -> page("count purchase orders", selection, cursor, limit,
                ID_FIELDS), afterId, CoupaProperties.MAX_PAGE_SIZE);
        long count = 0;
        for (List<CoupaPurchaseOrder> page = ids.next(); !page.isEmpty(); page = ids.next()) {
            count += page.size();
        }
        return count;
    }

    /**
     * Marks one PO exported: {@code PUT /api/purchase_orders/{id}?exported=true}, no body, as Coupa requires. The answer
     * names the PO's version and status now, so that a PO that moved on while it was being exported can be put back.
     */
    @Override
    public PurchaseOrderState markExported(long purchaseOrderId) {
        return setExported("mark exported", purchaseOrderId, true);
    }

    /** Puts a PO back to not exported ({@code ?exported=false}), so that Coupa offers its current snapshot again. */
    @Override
    public PurchaseOrderState markNotExported(long purchaseOrderId) {
        return setExported("mark not exported", purchaseOrderId, false);
    }

    /** The PO's version and status now; for when an answer to a mark did not name them. */
    @Override
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

    /**
     * A page read element by element: a PO that does not bind is handed on read in part, with the reason, to be
     * rejected on its own; an element without a readable id (or null) can be neither recorded nor marked, so it is
     * skipped with a warning. Still an error: an answer that is not a JSON array, readable ids out of ascending
     * order, and a full page without one readable id (the cursor could not move past it).
     */
    private IdCursorPager.Page page(String purpose, Selection selection, long afterId, int limit, String fields) {
        List<PageElement> elements = api.getList(purpose,
                builder -> query(builder, selection, afterId, limit, fields), PAGE_ELEMENTS, "purchase orders");
        String call = "GET /api/purchase_orders?id[gt]=" + afterId;
        List<CoupaPurchaseOrder> page = new ArrayList<>();
        long previousId = afterId;
        for (int i = 0; i < elements.size(); i++) {
            PageElement element = elements.get(i);
            if (element == null || element.purchaseOrder() == null) {
                log.warn("{} answered at position {} of the page with an element that has no readable id, so it can be "
                        + "neither recorded nor marked exported; skipped: {}", call, i + 1,
                        element == null ? "null" : element.snippet());
                continue;
            }
            CoupaPurchaseOrder po = element.purchaseOrder();
            if (po.id() <= previousId) {
                throw new CoupaCallException(call + " answered with PO id " + po.id() + " after id "
                        + previousId + ": the page is not in ascending id order, so the id cursor cannot page it");
            }
            previousId = po.id();
            page.add(po);
        }
        if (page.isEmpty() && elements.size() >= limit) {
            throw new CoupaCallException(call + " answered with a full page of " + elements.size() + " elements none of "
                    + "which has a readable id, so the id cursor cannot move past them");
        }
        return new IdCursorPager.Page(List.copyOf(page), elements.size());
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
        if (selection.createdBefore() != null) {
            // A baseline's limit: strict ISO-8601 in UTC, its ':' encoded as a URI variable's value is.
            builder.queryParam("created-at[lt]", "{createdBefore}");
        }
        if (properties.apiFilter() != null && !properties.apiFilter().isBlank()) {
            builder.queryParam("filter", "{filter}");
        }
        return builder.build(Map.of("statuses", String.join(",", properties.statuses()), "afterId", afterId,
                "limit", limit, "fields", fields, "filter", properties.apiFilter() == null ? "" : properties.apiFilter(),
                "poNumbers", String.join(",", selection.poNumbers()),
                "createdBefore", selection.createdBefore() == null ? "" : selection.createdBefore().toString()));
    }
}
