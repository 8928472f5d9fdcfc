package io.github.coupapoexport.coupa;

/** Coupa's token endpoint refused the client credentials: a setup problem that no rerun fixes (exit code 2). */
public class CoupaCredentialsRefusedException extends CoupaCallException {

    public CoupaCredentialsRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
