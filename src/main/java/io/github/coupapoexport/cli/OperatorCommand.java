package io.github.coupapoexport.cli;

import java.util.List;

import org.springframework.boot.ApplicationArguments;

/**
 * A command of the command line other than the export itself ({@code run}, {@code stop}, {@code recover}): each is
 * its own bean, found by its word, so that a new command is a new class and the dispatch does not grow.
 */
public interface OperatorCommand {

    /** The word that selects this command on the command line. */
    String name();

    /**
     * Whether this invocation changes Coupa, the ERP or the ledger: then it runs only while holding the run lock, never
     * beside an export.
     */
    boolean changesState(ApplicationArguments arguments);

    /** Runs the command; {@link ArgumentCheck} has already refused unknown options and missing values. */
    ExitCode execute(ApplicationArguments arguments) throws Exception;

    /**
     * What failed the last {@link #execute}, empty when nothing did: a command that catches a failure to name it and
     * exit 1 or 2 still hands it to the alerts, which otherwise could not tell refused credentials from anything else.
     */
    default List<Throwable> failures() {
        return List.of();
    }
}
