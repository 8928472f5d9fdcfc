package io.github.coupapoexport.coupa;

/**
 * Coupa answered a call with a refusal that another try will not change (a 4xx other than 401, 408 and 429, or a
 * 500 to a POST): typically its validation of one PO or record. The call concerned one document, so the export goes
 * on with the others.
 */
public class CoupaRefusedException extends CoupaCallException {

    private final int status;

    public CoupaRefusedException(String message, int status) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
