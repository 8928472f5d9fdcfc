package io.github.coupapoexport.ledger;

import java.time.OffsetDateTime;

/** One row of the export ledger: one PO snapshot and what became of it. */
public record LedgerEntry(String idempotencyKey, long coupaId, String poNumber, Integer poVersion,
        LedgerOutcome outcome, String outcomeMessage, String erpDocumentId, long jobExecutionId, int attempts,
        OffsetDateTime acceptedAt, OffsetDateTime markedExportedAt) {

    public boolean accepted() {
        return outcome == LedgerOutcome.ACCEPTED;
    }
}
