package io.github.coupapoexport.erp;

/**
 * The ERP refused the job's credentials or has no such endpoint: a setup problem that no rerun fixes (exit code 2).
 * The message names the ERP's URL and its answer, never a credential.
 */
public class ErpSetupException extends RuntimeException {

    public ErpSetupException(String message) {
        super(message);
    }
}
