package io.github.coupapoexport.mapping;

import java.time.OffsetDateTime;

/**
 * One state of one Coupa PO, as read. The idempotency key names it: the same snapshot always carries the same key,
 * so the ERP can recognise a document it has already applied.
 */
public record PurchaseOrderSnapshot(long coupaId, String poNumber, Integer version, OffsetDateTime updatedAt,
        String status, String idempotencyKey) {

    /** {@code coupa-{coupa id}-{version}-{updated-at}}, with updated-at exactly as Coupa sent it. */
    public static String idempotencyKey(long coupaId, Integer version, String updatedAt) {
        return "coupa-" + coupaId + "-" + version + "-" + updatedAt;
    }

    /**
     * The same snapshot sent again on purpose ({@code --po}): a key of its own, so that the ERP applies it again
     * instead of answering 409 for a key it knows.
     */
    public PurchaseOrderSnapshot replayedIn(long jobExecutionId) {
        return new PurchaseOrderSnapshot(coupaId, poNumber, version, updatedAt, status,
                idempotencyKey + "-replay-" + jobExecutionId);
    }

    /** How a buyer names the PO: its number, or its Coupa id when it has none. */
    public String label() {
        return poNumber == null || poNumber.isBlank() ? "with Coupa id " + coupaId : poNumber;
    }
}
