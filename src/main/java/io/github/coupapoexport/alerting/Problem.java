package io.github.coupapoexport.alerting;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.coupa.CoupaRefusedException;
import io.github.coupapoexport.erp.ErpSetupException;
import io.github.coupapoexport.foundation.Texts;
import io.github.coupapoexport.job.ErpUnavailableException;
import io.github.coupapoexport.runlock.RunLockLostException;
import io.github.coupapoexport.settings.InvalidSettingsException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * One distinct problem: its key is stable from run to run (the exit code and what failed, never a PO, a value or a
 * secret), so that the same problem is sent once per {@code alerts.repeat-after}, however often the scheduler reruns.
 *
 * @param key e.g. {@code exit-1:coupa-unreachable}, {@code exit-1:job-failed:java.lang.IllegalStateException}
 * @param what what failed, in words
 * @param reason the failure's own message, which names the call or the setting but no credential
 */
public record Problem(String key, int exitCode, String what, String reason) {

    /** The problem a run ended with, or none for exit 0, 3 and 4. */
    public static Optional<Problem> of(RunEnd end) {
        int exit = end.exitCode();
        List<Throwable> failures = end.failures();
        if (exit == 5) {
            return Optional.of(new Problem("exit-5:run-lock-held", 5, "another execution holds the run lock",
                    "a run started while another execution held the job repository's run lock"));
        }
        if (exit != 1 && exit != 2) {
            return Optional.empty();
        }
        Optional<InvalidSettingsException> invalid = find(failures, InvalidSettingsException.class);
        if (invalid.isPresent()) {
            return problem(exit, "settings-invalid", "the settings are invalid",
                    String.join("; ", invalid.get().problems()));
        }
        Optional<BindException> unbound = find(failures, BindException.class);
        if (unbound.isPresent()) {
            // Not its message's cause: a conversion failure repeats the value, which may be a secret.
            return problem(exit, "settings-invalid", "the settings are invalid",
                    "the settings under '" + unbound.get().getName() + "' cannot be read");
        }
        if (find(failures, CoupaCredentialsRefusedException.class).isPresent()) {
            return problem(exit, "coupa-credentials-refused", "Coupa refused the client credentials", end);
        }
        if (find(failures, ErpSetupException.class).isPresent()) {
            return problem(exit, "erp-setup-refused", "the ERP refused the credentials or has no such endpoint", end);
        }
        if (find(failures, RunLockLostException.class).isPresent()) {
            return problem(exit, "run-lock-lost", "the run lock was lost during the run", end);
        }
        if (find(failures, ErpUnavailableException.class).isPresent()) {
            return problem(exit, "erp-unreachable", "the ERP could not be reached", end);
        }
        if (find(failures, CoupaRefusedException.class).isPresent()) {
            return problem(exit, "coupa-refused", "Coupa refused a call", end);
        }
        if (find(failures, CoupaCallException.class).isPresent()) {
            return problem(exit, "coupa-unreachable", "Coupa could not be reached or gave no usable answer", end);
        }
        if (find(failures, DataAccessResourceFailureException.class).isPresent()
                || find(failures, SQLException.class).isPresent()) {
            return problem(exit, "database-unreachable", "a database (the job repository?) could not be used", end);
        }
        if (exit == 2) {
            // Only an export selects POs by number; any other command's exit 2 without a reason is no unknown PO.
            return failures.isEmpty() && end.reason() == null && end.exports()
                    ? problem(exit, "po-not-found", "a PO number given with --po is unknown to Coupa",
                            "Coupa returned no PO with a number given with --po; the run's output names it")
                    : problem(exit, "configuration-error", "the configuration is refused", end);
        }
        return failures.isEmpty() ? problem(exit, "job-failed", "the run failed", end)
                : problem(exit, "job-failed:" + explaining(failures.get(0)).getClass().getName(), "the run failed", end);
    }

    private static Optional<Problem> problem(int exit, String what, String words, RunEnd end) {
        String reason = end.reason() != null ? end.reason()
                : end.failures().stream().map(Problem::messageOf).collect(Collectors.joining("; "));
        return problem(exit, what, words, reason.isEmpty() ? "no reason was given" : reason);
    }

    private static Optional<Problem> problem(int exit, String what, String words, String reason) {
        // ALERT_STATE.PROBLEM_KEY holds 200 characters; a class name is far shorter.
        return Optional.of(new Problem(Texts.fit("exit-" + exit + ":" + what, 200), exit, words, reason));
    }

    private static <T extends Throwable> Optional<T> find(List<Throwable> failures, Class<T> type) {
        for (Throwable failure : failures) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (type.isInstance(cause)) {
                    return Optional.of(type.cast(cause));
                }
            }
        }
        return Optional.empty();
    }

    /** The message of the exception that explains a failure, as the summary line shows it. */
    private static String messageOf(Throwable failure) {
        Throwable explaining = explaining(failure);
        return explaining.getMessage() == null ? explaining.getClass().getSimpleName() : explaining.getMessage();
    }

    /**
     * The innermost of this project's own exceptions (they name the call and the PO), else the innermost cause, as
     * the summary line chooses: Spring wraps what matters in exceptions of its own.
     */
    private static Throwable explaining(Throwable failure) {
        Throwable own = null;
        Throwable innermost = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getClass().getName().startsWith("io.github.coupapoexport.")) {
                own = cause;
            }
            innermost = cause;
        }
        return own != null ? own : innermost;
    }
}
