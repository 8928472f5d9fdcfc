package io.github.coupapoexport.alerting;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * How one command ended, as the alerts need it once its exit code is known.
 *
 * @param exports whether the command exported (a run, a replay or a retry; not a dry run nor an operator command):
 * only such a run ending well shows that the problems alerted about are resolved
 * @param failures what failed the run or its start, empty when nothing was thrown
 * @param reason the summary's reason when the run failed without an exception of its own (null when none)
 */
public record RunEnd(boolean exports, int exitCode, List<Throwable> failures, String reason) {

    private static final Set<String> EXPORTING_COMMANDS = Set.of("run", "retry");

    public RunEnd {
        failures = List.copyOf(failures);
    }

    /**
     * @param arguments the command line, which the command-line check has already accepted: its only word that is no
     * option is the command; no value of it goes into a message
     */
    public static RunEnd of(String[] arguments, int exitCode, List<Throwable> failures, String reason) {
        String command = Arrays.stream(arguments).filter(argument -> !argument.startsWith("--")).findFirst()
            .orElse("run");
        boolean dryRun = Arrays.asList(arguments).contains("--dry-run");
        return new RunEnd(EXPORTING_COMMANDS.contains(command) && !dryRun, exitCode, failures, reason);
    }
}
