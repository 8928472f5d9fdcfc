package io.github.coupapoexport.ledger;

/** Where one PO snapshot stands with the ERP. */
public enum LedgerOutcome {
    /** Posted, no answer recorded yet: the process may have died in between; the ERP's idempotency key decides. */
    SENDING,
    /** The ERP applied the snapshot (200, 201, or 409 for a key it had already applied). */
    ACCEPTED,
    /** The ERP refused the document (400, 422, other 4xx). */
    REJECTED,
    /** The ERP did not answer usefully, retries included (429, 5xx, timeout, refused connection). */
    ERP_UNREACHABLE,
    /** The mapping could not build a valid document; nothing was sent. */
    INVALID
}
