package io.github.coupapoexport.ledger;

import java.time.OffsetDateTime;

/**
 * One row of the export ledger: one PO snapshot and what became of it.
 *
 * @param document the document as posted (JSON), or null when nothing was sent
 * @param coupaMark what became of marking it exported in Coupa, or null when that is still to be done
 * @param queuedAt when an ERP that imports later first queued it, while it waits for the verdict
 * @param verdictProblem why the ERP's verdict on it could not be read or is overdue, or null
 */
public record LedgerEntry(String idempotencyKey, long coupaId, String poNumber, Integer poVersion, String poStatus,
        LedgerOutcome outcome, String outcomeMessage, String erpDocumentId, long jobExecutionId, int attempts,
        OffsetDateTime firstAttemptAt, OffsetDateTime acceptedAt, String document, CoupaMark coupaMark,
        String coupaMarkMessage, OffsetDateTime queuedAt, String verdictProblem) {

    public boolean accepted() {
        return outcome == LedgerOutcome.ACCEPTED;
    }

    /** The ERP holds the PO as of this snapshot: accepted, or baselined (so it is only to be marked, never sent). */
    public boolean erpHolds() {
        return outcome.erpHolds();
    }

    /** Sent, and whether the ERP applied it is not known; the document kept can be sent again under its key. */
    public boolean outcomeUnknown() {
        return document != null && outcome.unknown(true);
    }

    /** How a buyer names the PO: its number, or its Coupa id when it has none. */
    public String label() {
        return poNumber == null || poNumber.isBlank() ? "with Coupa id " + coupaId : poNumber;
    }
}
