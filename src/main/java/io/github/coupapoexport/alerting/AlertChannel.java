package io.github.coupapoexport.alerting;

/** A way an alert leaves: the webhook or the mail. */
interface AlertChannel {

    /**
     * Sends the alert, or logs a warning why it could not: a channel that fails never changes the exit code.
     *
     * @return whether it was delivered
     */
    boolean send(Alert alert);
}
