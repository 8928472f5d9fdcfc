package io.github.coupapoexport.cli;

import java.util.Map;

import io.github.coupapoexport.job.RunOutcome;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.launch.support.ExitCodeMapper;

/**
 * The exit status an execution ended with, as the job repository keeps it, mapped to the exit code of contract
 * section 1: the process exit code and {@code status} both come from here, so they always agree.
 */
public final class ExitCodes implements ExitCodeMapper {

    private static final Map<String, ExitCode> BY_EXIT_STATUS = Map.of(
            ExitStatus.COMPLETED.getExitCode(), ExitCode.COMPLETED,
            // Spring Batch's "nothing left to do", e.g. a job instance whose steps had all completed.
            ExitStatus.NOOP.getExitCode(), ExitCode.COMPLETED,
            RunOutcome.COMPLETED_WITH_REJECTIONS, ExitCode.COMPLETED_WITH_REJECTIONS,
            RunOutcome.PO_NOT_FOUND, ExitCode.CONFIGURATION_ERROR,
            RunOutcome.SETUP_REFUSED, ExitCode.CONFIGURATION_ERROR,
            ExitStatus.STOPPED.getExitCode(), ExitCode.STOPPED,
            ExitStatus.FAILED.getExitCode(), ExitCode.FAILED);

    /** The exit code of an exit status; any other (UNKNOWN, EXECUTING...) is a failure: rerunning resumes it. */
    public static ExitCode of(ExitStatus exitStatus) {
        return exitStatus == null ? ExitCode.FAILED
                : BY_EXIT_STATUS.getOrDefault(exitStatus.getExitCode(), ExitCode.FAILED);
    }

    @Override
    public int intValue(String exitCode) {
        return of(new ExitStatus(exitCode)).code();
    }
}
