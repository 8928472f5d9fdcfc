package io.github.coupapoexport.erp;

/**
 * The ERP could not be read (a timeout, 5xx after every retry, a database down): a reconciliation that needs the ERP
 * stops rather than report every PO as a difference.
 */
public class ErpReadException extends RuntimeException {

    public ErpReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
