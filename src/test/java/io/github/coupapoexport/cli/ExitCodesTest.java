package io.github.coupapoexport.cli;

import io.github.coupapoexport.job.RunOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** The exit status the job repository keeps, as the exit code of contract section 1. */
class ExitCodesTest {

    private final ExitCodes exitCodes = new ExitCodes();

    @Test
    void eachExitStatusOfARunHasItsExitCode() {
        assertThat(exitCodes.intValue(ExitStatus.COMPLETED.getExitCode())).isZero();
        assertThat(exitCodes.intValue(ExitStatus.NOOP.getExitCode())).isZero();
        assertThat(exitCodes.intValue(ExitStatus.FAILED.getExitCode())).isEqualTo(1);
        assertThat(exitCodes.intValue(RunOutcome.SETUP_REFUSED)).isEqualTo(2);
        assertThat(exitCodes.intValue(RunOutcome.PO_NOT_FOUND)).isEqualTo(2);
        assertThat(exitCodes.intValue(RunOutcome.COMPLETED_WITH_REJECTIONS)).isEqualTo(3);
        assertThat(exitCodes.intValue(ExitStatus.STOPPED.getExitCode())).isEqualTo(4);
    }

    @Test
    void anExitStatusOfNoKnownMeaningIsAFailureThatARerunResumes() {
        assertThat(exitCodes.intValue(ExitStatus.UNKNOWN.getExitCode())).isEqualTo(1);
        assertThat(exitCodes.intValue(ExitStatus.EXECUTING.getExitCode())).isEqualTo(1);
        assertThat(ExitCodes.of(null)).isEqualTo(ExitCode.FAILED);
    }

    @Test
    void theExitDescriptionDoesNotChangeTheCode() {
        assertThat(ExitCodes.of(new ExitStatus(RunOutcome.COMPLETED_WITH_REJECTIONS, "1 PO rejected")))
            .isEqualTo(ExitCode.COMPLETED_WITH_REJECTIONS);
    }
}
