package io.github.coupapoexport.export;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.coupa.PurchaseOrderMarks;
import io.github.coupapoexport.coupa.PurchaseOrderState;

/** Coupa's {@code exported} flags of a few POs, each at the version and status a test gives it; it keeps every call. */
final class ScriptedCoupaMarks implements PurchaseOrderMarks {

    private final Map<Long, PurchaseOrderState> purchaseOrders = new HashMap<>();

    private final Set<Long> refusingMarks = new HashSet<>();

    private final Set<Long> unreadableAnswers = new HashSet<>();

    private final Set<Long> unanswered = new HashSet<>();

    private final Set<Long> unansweredPutBack = new HashSet<>();

    private final List<String> calls = new ArrayList<>();

    /** The PO as Coupa holds it now, not exported. */
    ScriptedCoupaMarks holds(long id, int version, String status) {
        purchaseOrders.put(id, new PurchaseOrderState(id, false, version, status));
        return this;
    }

    /** Coupa's validation refuses to mark this PO exported (a 422). */
    ScriptedCoupaMarks refusesToMark(long id) {
        refusingMarks.add(id);
        return this;
    }

    /** Coupa's answers to marks of this PO cannot be read: they name neither its version nor its status. */
    ScriptedCoupaMarks answersUnreadably(long id) {
        unreadableAnswers.add(id);
        return this;
    }

    /** Coupa does not answer marks of this PO, retries included. */
    ScriptedCoupaMarks failsToAnswer(long id) {
        unanswered.add(id);
        return this;
    }

    /** Coupa does not answer the next call that puts this PO back to not exported, retries included. */
    ScriptedCoupaMarks failsToPutBackOnce(long id) {
        unansweredPutBack.add(id);
        return this;
    }

    @Override
    public PurchaseOrderState markExported(long purchaseOrderId) {
        calls.add("mark exported " + purchaseOrderId);
        if (unanswered.contains(purchaseOrderId)) {
            throw new CoupaCallException("PUT /api/purchase_orders/" + purchaseOrderId + " answered 503 after retries");
        }
        if (refusingMarks.contains(purchaseOrderId)) {
            throw new CoupaRefusedException("PUT /api/purchase_orders/" + purchaseOrderId + " answered 422: "
                    + "supplier is inactive", 422);
        }
        return set(purchaseOrderId, true);
    }

    @Override
    public PurchaseOrderState markNotExported(long purchaseOrderId) {
        calls.add("mark not exported " + purchaseOrderId);
        if (unansweredPutBack.remove(purchaseOrderId)) {
            throw new CoupaCallException("PUT /api/purchase_orders/" + purchaseOrderId + " answered 503 after retries");
        }
        return set(purchaseOrderId, false);
    }

    @Override
    public PurchaseOrderState state(long purchaseOrderId) {
        calls.add("read state " + purchaseOrderId);
        return purchaseOrder(purchaseOrderId);
    }

    /** Every call, in order, as {@code mark exported 4821}, {@code mark not exported 4821}, {@code read state 4821}. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    boolean exported(long id) {
        return Boolean.TRUE.equals(purchaseOrder(id).exported());
    }

    private PurchaseOrderState set(long id, boolean exported) {
        PurchaseOrderState now = purchaseOrder(id);
        purchaseOrders.put(id, new PurchaseOrderState(id, exported, now.version(), now.status()));
        return unreadableAnswers.contains(id) ? new PurchaseOrderState(id, null, null, null) : purchaseOrder(id);
    }

    private PurchaseOrderState purchaseOrder(long id) {
        PurchaseOrderState state = purchaseOrders.get(id);
        if (state == null) {
            throw new IllegalStateException("the test did not say how Coupa holds PO " + id);
        }
        return state;
    }
}
