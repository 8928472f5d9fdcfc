package io.github.coupapoexport.ledger;

/** Where one PO snapshot stands with the ERP. */
public enum LedgerOutcome {
    /** Posted, no answer recorded yet: the process may have died in between; resending under its key decides. */
    SENDING,
    /**
     * The ERP took the document into its import queue (staging rows) and has not decided yet: every later run reads
     * its verdict back, and holds the PO's later snapshots back until then.
     */
    QUEUED,
    /** The ERP applied the snapshot (200, 201, or 409 for a key it had already applied). */
    ACCEPTED,
    /** The ERP refused the document (400, 422, other 4xx). */
    REJECTED,
    /**
     * The ERP did not answer usefully, retries included (429, 5xx, timeout, refused connection): it may have applied
     * the document, so the snapshot is resent under its own key before any later snapshot of the PO is sent. A row
     * without a document was never sent (it waited for an earlier snapshot's outcome).
     */
    ERP_UNREACHABLE,
    /** The mapping could not build a valid document; nothing was sent. */
    INVALID,
    /** Coupa refused to mark the PO exported before it was sent ({@code before-erp}); nothing was sent. */
    COUPA_REFUSED,
    /**
     * The PO moved on in Coupa before this snapshot was sent ({@code before-erp}), or while a baseline marked it; its
     * current snapshot follows.
     */
    SUPERSEDED,
    /**
     * Never sent: {@code baseline} took the operator's word that the ERP holds this snapshot already (keyed in by hand
     * before go-live) and marked it exported without sending it. The ERP holds the PO as if it had accepted this
     * snapshot: its next version is an UPDATE, computed against the lines kept in the row.
     */
    BASELINED;

    /** The ERP holds the PO as of this snapshot: it accepted it, or a baseline took it as held. */
    public boolean erpHolds() {
        return this == ACCEPTED || this == BASELINED;
    }

    /** The ERP may hold this snapshot or not: resend it under its own key before anything later of the PO. */
    public boolean unknown(boolean sent) {
        return this == SENDING || this == ERP_UNREACHABLE && sent;
    }
}
