package io.github.coupapoexport.ledger;

/** A final outcome of one PO snapshot that Coupa's monitoring has not been told about yet. */
public record UnreportedOutcome(String idempotencyKey, long coupaId, String poNumber, Integer poVersion,
        String poStatus, String action, LedgerOutcome outcome, String message, Integer erpStatus,
        String erpDocumentId) {

    public boolean success() {
        return outcome == LedgerOutcome.ACCEPTED;
    }

    /**
     * What Coupa's tables show in their Response Code column, so that a filter separates successes from failures:
     * {@code Success-201}, {@code Error-422}, {@code Error-INVALID-PO}, {@code Error-ERP-UNREACHABLE}.
     */
    public String responseCode() {
        return switch (outcome) {
            case ACCEPTED -> "Success-" + (erpStatus == null ? "ERP" : erpStatus);
            case REJECTED -> "Error-" + (erpStatus == null ? "ERP" : erpStatus);
            case INVALID -> "Error-INVALID-PO";
            case ERP_UNREACHABLE -> "Error-ERP-UNREACHABLE";
            case SENDING -> throw new IllegalStateException("a snapshot still being sent has no outcome to report");
        };
    }

    /** One sentence for a buyer or an integration contact. */
    public String responseMessage() {
        if (success()) {
            return "PO " + label() + " (" + action + ") accepted by the ERP"
                    + (erpDocumentId == null ? "" : " as " + erpDocumentId)
                    + (erpStatus != null && erpStatus == 409 ? "; the ERP had already applied this version" : "");
        }
        return message;
    }

    public String label() {
        return poNumber == null || poNumber.isBlank() ? "with Coupa id " + coupaId : poNumber;
    }
}
