package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command line Spring would misread is refused with exit 2 before anything starts: no Spring context, no job
 * repository, no Coupa call; and the value of an option, which may be a secret, is never repeated.
 */
class CommandLineOptionsFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void misspeltOptionIsRefusedInsteadOfRunningARealExport() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run("--dryrun");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("coupa-po-export: unknown option --dryrun", "usage:");
        assertNothingStarted(result);
    }

    @Test
    void secretWrittenAfterASpaceIsRefusedWithoutRepeatingIt() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.client-secret", "Typed-On-The-Line-77");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("--coupa.client-secret needs its value after '='")
            .doesNotContain("Typed-On-The-Line-77")
            .doesNotContain("unknown command");
        assertNothingStarted(result);
    }

    @Test
    void poNumberWrittenAfterASpaceIsRefused() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run("--po", "7310");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("--po needs its value after '=', as in --po=NUMBER[,NUMBER...]")
            .doesNotContain("7310");
        assertNothingStarted(result);
    }

    @Test
    void misspeltSettingsKeyIsRefusedAndSpringsOwnKeysPass() throws IOException {
        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.page-sise=10", "--export.valuemap=maps.yml",
                "--logging.level.org.flywaydb=WARN", "--coupa.pageSize=10", "--coupa.statuses[0]=issued");

        // then only the two keys that are not settings of this job are named
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("unknown setting --coupa.page-sise", "unknown setting --export.valuemap")
            .doesNotContain("--logging.level", "--coupa.pageSize", "--coupa.statuses[0]", "maps.yml");
        assertNothingStarted(result);
    }

    @Test
    void relaxedFormsOfRealKeysRunTheExport() {
        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.pageSize=10", "--erp.retry.max_retries=1",
                "--coupa.statuses[0]=issued", "--logging.level.org.flywaydb=WARN", "--trace=false", "run");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.summary()).contains("read=1", "exported=1");
    }

    private void assertNothingStarted(ExportJobHarness.RunResult result) throws IOException {
        // Spring logs each line with the application name once its context is being built
        assertThat(result.output()).doesNotContain("--- [coupa-po-export]", "coupa-po-export: execution=");
        try (Stream<Path> files = Files.list(harness.jobRepositoryFolder())) {
            assertThat(files).as("job repository files").isEmpty();
        }
        assertThat(harness.coupaRequests()).isEmpty();
        assertThat(harness.erp.received()).isEmpty();
    }
}
