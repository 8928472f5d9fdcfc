package io.github.coupapoexport.job;

/** The ERP stopped answering for several POs in a row: an outage, not a bad PO. Fails the job, which resumes. */
public class ErpUnavailableException extends RuntimeException {

    public ErpUnavailableException(String message) {
        super(message);
    }
}
