package io.github.coupapoexport;

import java.nio.file.Path;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each command needs only the settings it uses (README "Commands"): an operator reads {@code status} or {@code
 * failures} while the Coupa client secret is being rotated, or on a machine that holds no ERP password, and a command
 * that calls Coupa is not refused for the ERP's settings.
 */
class SettingsInUseFunctionalTests {

    private static final String NO_COUPA_SECRET = "--coupa.client-secret=";

    private static final String NO_ERP = "--erp.base-url=";

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void oneRunExportedOnePoAndLeftOneFailing() {
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")));
        assertThat(harness.run().exitCode()).isEqualTo(3);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void statusNeedsNeitherTheCoupaSecretNorTheErp() {
        // when
        ExportJobHarness.RunResult status = harness.run("status", NO_COUPA_SECRET, NO_ERP);

        // then
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("COMPLETED").doesNotContain("configuration error");
    }

    @Test
    void failuresNeedNeitherTheCoupaSecretNorTheErp() {
        // when
        ExportJobHarness.RunResult failures = harness.run("failures", NO_COUPA_SECRET, NO_ERP,
                "--coupa.base-url=not a url");

        // then it lists the failing PO and exits 3 for it, as with every setting present
        assertThat(failures.exitCode()).as(failures.output()).isEqualTo(3);
        assertThat(failures.output()).contains("po-data (1)");
    }

    @Test
    void theReportNeedsNeitherTheCoupaSecretNorTheErp(@TempDir Path folder) {
        // when
        ExportJobHarness.RunResult report = harness.run("report", "--out=" + folder.resolve("report.html"),
                NO_COUPA_SECRET, NO_ERP);

        // then
        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(folder.resolve("report.html")).content().contains("PO 2");
    }

    @Test
    void stopNeedsNeitherTheCoupaSecretNorTheErp() {
        // when
        ExportJobHarness.RunResult stop = harness.run("stop", NO_COUPA_SECRET, NO_ERP);

        // then
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(stop.output()).contains("no execution is running");
    }

    @Test
    void aCommandThatUsesNoErpBuildsNoJobSoAnErpTypeItCannotUseDoesNotStopIt() {
        // given an ERP type no adapter answers to: every job needs the ERP, and Spring Batch's operator, which every
        // command uses, would build every job

        // when
        ExportJobHarness.RunResult status = harness.run("status", "--erp.type=foo");
        ExportJobHarness.RunResult stop = harness.run("stop", "--erp.type=foo");
        ExportJobHarness.RunResult recover = harness.run("recover", "--erp.type=foo");

        // then
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("COMPLETED").doesNotContain("could not start");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(recover.exitCode()).as(recover.output()).isZero();
    }

    @Test
    void recoverCallsCoupaSoItNeedsTheCoupaSecretButNotTheErp() {
        // when
        ExportJobHarness.RunResult withoutErp = harness.run("recover", NO_ERP);
        ExportJobHarness.RunResult withoutSecret = harness.run("recover", NO_COUPA_SECRET);

        // then
        assertThat(withoutErp.exitCode()).as(withoutErp.output()).isZero();
        assertThat(withoutSecret.exitCode()).as(withoutSecret.output()).isEqualTo(2);
        assertThat(withoutSecret.output()).contains("coupa.client-secret is required");
    }

    @Test
    void theBaselineCallsCoupaButNeedsNoErpSetting() {
        // when
        ExportJobHarness.RunResult withoutErp = harness.run("baseline", "--before=2030-01-01", "--dry-run", NO_ERP);
        ExportJobHarness.RunResult withoutSecret = harness.run("baseline", "--before=2030-01-01", "--dry-run",
                NO_COUPA_SECRET);

        // then
        assertThat(withoutErp.exitCode()).as(withoutErp.output()).isZero();
        assertThat(withoutErp.output()).contains("baseline dry-run would mark 0 left-to-run=1");
        assertThat(withoutSecret.exitCode()).as(withoutSecret.output()).isEqualTo(2);
        assertThat(withoutSecret.output()).contains("coupa.client-secret is required");
    }

    @Test
    void noSettingCanNarrowTheSettingsTheExportIsCheckedFor() {
        // when a file or the environment says the export uses no Coupa or ERP settings
        ExportJobHarness.RunResult run = harness.run(NO_COUPA_SECRET, "--coupa-po-export.settings-in-use=GENERAL");

        // then it is still checked for every setting, and nothing is sent
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("coupa.client-secret is required");
        assertThat(harness.erp.received()).hasSize(1);
    }

    @Test
    void theExportStillNeedsEverySettingAndNamesEveryProblemAtOnce() {
        // when
        ExportJobHarness.RunResult run = harness.run(NO_COUPA_SECRET, NO_ERP);

        // then
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("coupa.client-secret is required", "erp.base-url");
        assertThat(harness.erp.received()).hasSize(1);
    }
}
