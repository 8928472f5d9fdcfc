package io.github.coupapoexport.mapping;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import io.github.coupapoexport.foundation.Texts;

/**
 * One state of one Coupa PO, as read. The idempotency key names it: the same snapshot always carries the same key,
 * so the ERP can recognise a document it has already applied. What it holds goes into the ledger, the ERP's header
 * and Coupa's monitoring as it is, so it never carries a control character and never outgrows the ledger's columns.
 */
public record PurchaseOrderSnapshot(long coupaId, String poNumber, Integer version, OffsetDateTime updatedAt,
        String status, String idempotencyKey) {

    /** The ledger's key column. */
    static final int MAX_KEY_LENGTH = 200;

    /** A replayed snapshot's key is this much longer ({@code -replay-} and an execution id). */
    private static final int REPLAY_ROOM = "-replay-".length() + String.valueOf(Long.MAX_VALUE).length();

    /** The ledger's PO_NUMBER and PO_STATUS columns. */
    static final int MAX_PO_NUMBER_LENGTH = 50;

    static final int MAX_STATUS_LENGTH = 30;

    public PurchaseOrderSnapshot {
        poNumber = printable(poNumber, MAX_PO_NUMBER_LENGTH);
        status = printable(status, MAX_STATUS_LENGTH);
    }

    /**
     * {@code coupa-{coupa id}-{version}-{updated-at}}, with updated-at as Coupa sent it, trimmed. When that would not
     * fit the ledger's key column (with room for a replay's suffix) or is not printable ASCII, so not safe in an HTTP
     * header, it is {@code coupa-{coupa id}-{version}-sha256-{hex digest of the trimmed updated-at}} instead: as
     * deterministic, so the same snapshot still always carries the same key.
     */
    public static String idempotencyKey(long coupaId, Integer version, String updatedAt) {
        String trimmed = updatedAt == null ? null : updatedAt.trim();
        String key = "coupa-" + coupaId + "-" + version + "-" + trimmed;
        if (key.length() <= MAX_KEY_LENGTH - REPLAY_ROOM && key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return key;
        }
        return "coupa-" + coupaId + "-" + version + "-sha256-" + sha256(trimmed);
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

    /** Control characters shown as {@code ?}, cut to {@code maxLength} (its end then marked {@code ...}). */
    static String printable(String value, int maxLength) {
        return Texts.fit(Texts.printable(value), maxLength);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }
}
