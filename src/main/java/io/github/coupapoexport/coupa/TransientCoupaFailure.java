package io.github.coupapoexport.coupa;

/** A Coupa answer worth another try: 429, a 5xx, a timeout, a cut connection, a page that came back broken. */
public class TransientCoupaFailure extends CoupaCallException {

    public TransientCoupaFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
