package io.github.coupapoexport.coupa;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

    /** What a reconciliation compares: which PO, which version and status, and whether Coupa shows it exported. */
    static final String RECONCILE_FIELDS = "[\"id\",\"po-number\",\"version\",\"status\",\"updated-at\",\"exported\"]";

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
        return new IdCursorPager((cursor, limit) -> page("select purchase orders",
                builder -> query(builder, selection, cursor, limit, PURCHASE_ORDER_FIELDS), cursor, limit), afterId,
                pageSize);
    }

    /** The ids of the POs the selection holds above {@code afterId}, page by page (a baseline's dry run). */
    public IdCursorPager purchaseOrderIds(Selection selection, long afterId) {
        return new IdCursorPager((cursor, limit) -> page("select purchase order ids",
                builder -> query(builder, selection, cursor, limit, ID_FIELDS), cursor, limit), afterId,
                CoupaProperties.MAX_PAGE_SIZE);
    }

    /** How many POs the selection holds above {@code afterId}, counted by paging their ids only. */
    public long countPurchaseOrdersToExport(Selection selection, long afterId) {
        IdCursorPager ids = new IdCursorPager((cursor, limit) -> page("count purchase orders",
                builder -> query(builder, selection, cursor, limit, ID_FIELDS), cursor, limit), afterId,
                CoupaProperties.MAX_PAGE_SIZE);
        long count = 0;
        for (List<CoupaPurchaseOrder> page = ids.next(); !page.isEmpty(); page = ids.next()) {
            count += page.size();
        }
        return count;
    }

    /**
     * The POs Coupa shows exported that changed after {@code since}, in the configured statuses, page by page: id,
     * number, version and status only ({@code reconcile}). A PO the job marked after {@code since} is among them, as
     * the mark itself moves {@code updated-at}.
     */
    public IdCursorPager exportedSince(OffsetDateTime since) {
        return new IdCursorPager((cursor, limit) -> page("list exported purchase orders",
                builder -> reconcileQuery(builder.queryParam("exported", "true")
                    .queryParam("updated-at[gt]", "{since}"))
                    .build(Map.of("since", since.toString(), "afterId", cursor, "limit", limit,
                            "fields", RECONCILE_FIELDS, "statuses", String.join(",", properties.statuses()))),
                cursor, limit), 0, CoupaProperties.MAX_PAGE_SIZE);
    }

    /**
     * These POs as Coupa shows them now, whatever their status or exported flag, id, number, version and status
     * only: {@code id[in]=...}, at most a page's worth of ids per call, paged by the id cursor like every list. A PO
     * Coupa does not return (deleted) is left out.
     */
    public List<CoupaPurchaseOrder> purchaseOrdersById(List<Long> ids) {
        List<CoupaPurchaseOrder> found = new ArrayList<>();
        List<Long> sorted = ids.stream().distinct().sorted().toList();
        for (int from = 0; from < sorted.size(); from += CoupaProperties.MAX_PAGE_SIZE) {
            String wanted = sorted.subList(from, Math.min(sorted.size(), from + CoupaProperties.MAX_PAGE_SIZE))
                .stream().map(String::valueOf).collect(Collectors.joining(","));
            IdCursorPager pager = new IdCursorPager((cursor, limit) -> page("read purchase orders by id",
                    builder -> builder.path("/api/purchase_orders")
                        .queryParam("id[in]", "{ids}")
                        .queryParam("id[gt]", "{afterId}")
                        .queryParam("order_by", "id")
                        .queryParam("dir", "asc")
                        .queryParam("limit", "{limit}")
                        .queryParam("fields", "{fields}")
                        .build(Map.of("ids", wanted, "afterId", cursor, "limit", limit, "fields", RECONCILE_FIELDS)),
                    cursor, limit), 0, CoupaProperties.MAX_PAGE_SIZE);
            for (List<CoupaPurchaseOrder> page = pager.next(); !page.isEmpty(); page = pager.next()) {
                found.addAll(page);
            }
        }
        return List.copyOf(found);
    }

    private static UriBuilder reconcileQuery(UriBuilder builder) {
        return builder.path("/api/purchase_orders")
            .queryParam("status[in]", "{statuses}")
            .queryParam("id[gt]", "{afterId}")
            .queryParam("order_by", "id")
            .queryParam("dir", "asc")
            .queryParam("limit", "{limit}")
            .queryParam("fields", "{fields}");
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
    private IdCursorPager.Page page(String purpose, Function<UriBuilder, URI> uri, long afterId, int limit) {
        List<PageElement> elements = api.getList(purpose, uri, PAGE_ELEMENTS, "purchase orders");
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
