package io.github.coupapoexport.coupa;

import java.util.List;

/**
 * Coupa's POs page by page with an id cursor: each page asks for the ids above the last one read, in ascending id
 * order ({@code id[gt]}, {@code order_by=id}, {@code dir=asc}), because marking POs exported while reading shifts
 * every offset. A page with fewer elements than asked for, counting the ones skipped, is the last: Coupa had nothing
 * more above the cursor when it answered.
 */
public final class IdCursorPager {

    /** One page as read: its POs, and how many elements Coupa returned in it, skipped ones included. */
    record Page(List<CoupaPurchaseOrder> purchaseOrders, int elementsReturned) {
    }

    /** Asks Coupa for at most {@code limit} elements with ids above {@code afterId}. */
    @FunctionalInterface
    interface PageQuery {

        Page above(long afterId, int limit);
    }

    private final PageQuery query;

    private final int pageSize;

    private long cursor;

    private boolean lastPageRead;

    IdCursorPager(PageQuery query, long afterId, int pageSize) {
        this.query = query;
        this.cursor = afterId;
        this.pageSize = pageSize;
    }

    /** The next page's POs in ascending id order; empty once the last page is read. */
    public List<CoupaPurchaseOrder> next() {
        if (lastPageRead) {
            return List.of();
        }
        Page page = query.above(cursor, pageSize);
        List<CoupaPurchaseOrder> purchaseOrders = page.purchaseOrders();
        lastPageRead = page.elementsReturned() < pageSize || purchaseOrders.isEmpty();
        if (!purchaseOrders.isEmpty()) {
            cursor = purchaseOrders.get(purchaseOrders.size() - 1).id();
        }
        return purchaseOrders;
    }
}
