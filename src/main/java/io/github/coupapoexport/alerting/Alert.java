package io.github.coupapoexport.alerting;

import java.util.List;

/**
 * One message as every channel sends it: a title (the mail's subject) and its lines. It never holds a secret: the
 * lines are built from problem keys, exit codes, reasons that name calls but no credentials, and PO numbers, and
 * {@link Redaction} removes any secret value of the settings before it leaves.
 *
 * @param severity how a channel that can colour a message colours it
 */
public record Alert(String title, List<String> lines, Severity severity) {

    public Alert {
        lines = List.copyOf(lines);
    }

    public enum Severity {
        /** The job cannot do its work. */
        PROBLEM,
        /** The job did its work, but POs were rejected. */
        WARNING,
        /** Problems alerted about no longer occur. */
        RESOLVED
    }

    public String text() {
        return String.join("\n", lines);
    }
}
