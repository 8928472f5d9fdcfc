package io.github.coupapoexport.ledger;

/**
 * A final outcome of one PO snapshot that Coupa's monitoring has not been told about yet.
 *
 * @param coupaMark what became of marking it exported, for an accepted snapshot
 */
public record UnreportedOutcome(String idempotencyKey, long coupaId, String poNumber, Integer poVersion,
        String poStatus, String action, LedgerOutcome outcome, String message, Integer erpStatus,
        String erpDocumentId, CoupaMark coupaMark, String coupaMarkMessage) {

    /** The ERP holds it and Coupa shows it exported, or shows the newer version that comes next. */
    public boolean success() {
        return outcome == LedgerOutcome.ACCEPTED && coupaMark != CoupaMark.REFUSED;
    }

    /** An ERP that never answered is for the technical contacts; anything else a buyer can fix. */
    public boolean technical() {
        return outcome == LedgerOutcome.ERP_UNREACHABLE;
    }

    /**
     * What Coupa's tables show in their Response Code column, so that a filter separates successes from failures:
     * {@code Success-201}, {@code Error-422}, {@code Error-INVALID-PO}, {@code Error-ERP-UNREACHABLE},
     * {@code Error-COUPA-REFUSED-MARK}.
     */
    public String responseCode() {
        return switch (outcome) {
            case ACCEPTED -> coupaMark == CoupaMark.REFUSED ? "Error-COUPA-REFUSED-MARK"
                    : "Success-" + (erpStatus == null ? "ERP" : erpStatus);
            case REJECTED -> "Error-" + (erpStatus == null ? "ERP" : erpStatus);
            case INVALID -> "Error-INVALID-PO";
            case ERP_UNREACHABLE -> "Error-ERP-UNREACHABLE";
            // A baselined PO is reported only when Coupa refused to put it back after a buyer changed it.
            case COUPA_REFUSED, BASELINED -> "Error-COUPA-REFUSED-MARK";
            case SENDING, SUPERSEDED, QUEUED -> throw new IllegalStateException(outcome
                    + " has no outcome to report");
        };
    }

    /** One sentence for a buyer or an integration contact. */
    public String responseMessage() {
        if (outcome == LedgerOutcome.ACCEPTED) {
            String accepted = "PO " + label() + " (" + action + ") accepted by the ERP"
                    + (erpDocumentId == null ? "" : " as " + erpDocumentId)
                    + (erpStatus != null && erpStatus == 409 ? "; the ERP had already applied this version" : "");
            String held = message == null ? accepted : accepted + "; " + message;
            return coupaMark == CoupaMark.UNMARKED || coupaMark == CoupaMark.REFUSED ? held + "; " + coupaMarkMessage
                    : held;
        }
        return message;
    }

    public String label() {
        return poNumber == null || poNumber.isBlank() ? "with Coupa id " + coupaId : poNumber;
    }
}
