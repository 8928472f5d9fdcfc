package io.github.coupapoexport.alerting;

import java.util.List;

import io.github.coupapoexport.coupa.CoupaCallException;
import io.github.coupapoexport.coupa.CoupaCredentialsRefusedException;
import io.github.coupapoexport.job.ErpUnavailableException;
import io.github.coupapoexport.settings.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A problem's key is the exit code and what failed, the same from run to run, whatever the message says. */
class ProblemTest {

    @Test
    void eachKindOfFailureHasAStableKey() {
        assertThat(keyOf(1, new IllegalStateException("chunk failed", new CoupaCallException("GET x answered 503"))))
            .isEqualTo("exit-1:coupa-unreachable");
        assertThat(keyOf(2, new CoupaCredentialsRefusedException("Coupa refused the client credentials", null)))
            .isEqualTo("exit-2:coupa-credentials-refused");
        assertThat(keyOf(1, new ErpUnavailableException("the ERP did not answer for 5 POs in a row")))
            .isEqualTo("exit-1:erp-unreachable");
        assertThat(keyOf(2, new IllegalStateException(new InvalidSettingsException(List.of("erp.type is x")))))
            .isEqualTo("exit-2:settings-invalid");
        assertThat(keyOf(1, new RuntimeException(new IllegalArgumentException("PO 4821 is odd"))))
            .isEqualTo("exit-1:job-failed:java.lang.IllegalArgumentException");
        assertThat(Problem.of(new RunEnd(true, 5, List.of(), null)).orElseThrow().key()).isEqualTo("exit-5:run-lock-held");
    }

    @Test
    void anExitTwoWithoutAReasonIsAnUnknownPoOnlyForAnExport() {
        // when an export and a command that exports nothing exit 2 without a failure or a reason
        Problem export = Problem.of(new RunEnd(true, 2, List.of(), null)).orElseThrow();
        Problem reconcile = Problem.of(new RunEnd(false, 2, List.of(), null)).orElseThrow();

        // then only the export can have been given a PO number Coupa does not know
        assertThat(export.key()).isEqualTo("exit-2:po-not-found");
        assertThat(reconcile.key()).isEqualTo("exit-2:configuration-error");
        assertThat(reconcile.what()).doesNotContain("--po");
    }

    @Test
    void exitCodesThatAreNoProblemHaveNone() {
        for (int exit : new int[] {0, 3, 4}) {
            assertThat(Problem.of(new RunEnd(true, exit, List.of(), null))).isEmpty();
        }
    }

    private static String keyOf(int exit, Throwable failure) {
        return Problem.of(new RunEnd(true, exit, List.of(failure), null)).orElseThrow().key();
    }
}
