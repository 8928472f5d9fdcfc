package io.github.coupapoexport.coupa;

/**
 * A Coupa call that did not give a usable answer. The message names the call and what came back, never a
 * credential: requests carry the token in a header, not in the URL.
 */
public class CoupaCallException extends RuntimeException {

    public CoupaCallException(String message) {
        super(message);
    }

    public CoupaCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
