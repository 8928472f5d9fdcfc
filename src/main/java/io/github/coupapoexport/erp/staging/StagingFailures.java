package io.github.coupapoexport.erp.staging;

import java.sql.SQLException;
import java.util.Locale;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.foundation.Secret;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * What a database failure means for a delivery: worth another try (unreachable, timed out, deadlocked), or a setup
 * that no retry fixes (credentials refused, a table or column missing: {@link ErpAnswer.Refused}, exit 2). Every
 * message names the database by its URL cut before its parameters, and never holds the password.
 */
final class StagingFailures {

    private final String url;

    private final @Nullable String username;

    private final @Nullable Secret password;

    private final String layout;

    StagingFailures(String url, @Nullable String username, @Nullable Secret password, String layout) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.layout = layout;
    }

    /** A failure worth another try. */
    static final class Passing extends RuntimeException {

        Passing(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A failure that decides the answer at once. */
    static final class Final extends RuntimeException {

        private final ErpAnswer answer;

        Final(ErpAnswer answer) {
            super(answer.toString());
            this.answer = answer;
        }

        ErpAnswer answer() {
            return answer;
        }
    }

    /** The failure as {@link Passing} or {@link Final}, for the retry to tell apart. */
    RuntimeException classify(RuntimeException failure) {
        String state = sqlState(failure);
        String message = message(failure);
        if (state != null && state.startsWith("28")) {
            return new Final(new ErpAnswer.Refused(null, "the ERP database " + shown(url) + " refused the user"
                    + (username == null ? "" : " '" + username + "'") + ": " + message
                    + " (erp.staging-tables.username and password)"));
        }
        if (failure instanceof BadSqlGrammarException || state != null && (state.startsWith("42")
                || state.startsWith("3D") || state.startsWith("3F"))) {
            return new Final(new ErpAnswer.Refused(null, "the staging tables in " + shown(url) + " are not as"
                    + " configured: " + message + "; " + remedy()));
        }
        if (failure instanceof TransientDataAccessException || failure instanceof DataAccessResourceFailureException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof CannotCreateTransactionException || failure instanceof TransactionException) {
            return new Passing("the ERP database " + shown(url) + " did not answer: " + message, failure);
        }
        // Anything else the database said (an odd driver error): not retried, and the PO is tried again next run.
        return new Final(new ErpAnswer.Unreachable("the ERP database " + shown(url) + " failed: " + message));
    }

    /** The answer once the retries are spent or a failure decided it. */
    ErpAnswer givenUp(Throwable last, int attempts) {
        if (last instanceof Final decided) {
            return decided.answer();
        }
        String reason = last instanceof Passing ? last.getMessage() : "the ERP database " + shown(url) + " failed: "
                + message(last);
        return new ErpAnswer.Unreachable(reason + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    /** What creates the tables the layout expects. */
    String remedy() {
        if (StagingLayout.ORACLE_EBS.equals(layout)) {
            return "the layout oracle-ebs needs EBS's open interface tables and sequences (PO_HEADERS_INTERFACE ...),"
                    + " or erp.staging-tables.tables / columns / id-expressions naming yours";
        }
        return "create the tables with sql/staging/" + schemaFile(url)
                + ", or set erp.staging-tables.tables / columns to the names of yours";
    }

    static String schemaFile(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return "postgresql.sql";
        }
        if (lower.startsWith("jdbc:mariadb:") || lower.startsWith("jdbc:mysql:")) {
            return "mariadb.sql";
        }
        if (lower.startsWith("jdbc:oracle:")) {
            return "oracle.sql";
        }
        return "h2.sql";
    }

    /** The URL up to its parameters ({@code ?user=...&password=...}, {@code ;PASSWORD=...}), which may hold one. */
    static String shown(@Nullable String url) {
        if (url == null) {
            return "(no URL)";
        }
        int end = url.length();
        for (char separator : new char[] {'?', ';'}) {
            int at = url.indexOf(separator);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String beforeParameters = url.substring(0, end);
        // jdbc:oracle:thin:user/password@host: the credentials before the @ are left out.
        int at = beforeParameters.lastIndexOf('@');
        int slash = beforeParameters.indexOf('/');
        return at > 0 && slash > 0 && slash < at ? beforeParameters.substring(0, beforeParameters.lastIndexOf(':',
                slash) + 1) + "***" + beforeParameters.substring(at) : beforeParameters;
    }

    /** The database's own words, the password masked should a driver ever repeat it. */
    String message(Throwable failure) {
        Throwable cause = failure;
        String text = failure.getMessage();
        while (cause != null) {
            if (cause.getMessage() != null) {
                text = cause.getMessage();
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        text = text == null ? failure.getClass().getSimpleName() : text.strip().lines().findFirst().orElse(text);
        String secret = password == null ? null : password.reveal();
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "******");
    }

    private static @Nullable String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // Hikari's own "connection not available" (08xxx) hides the driver's reason in its cause.
                if (!state.startsWith("08") || cause.getCause() == null) {
                    return state;
                }
            }
        }
        return null;
    }
}
