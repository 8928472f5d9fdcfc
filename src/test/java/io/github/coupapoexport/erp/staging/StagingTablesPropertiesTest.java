package io.github.coupapoexport.erp.staging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.coupapoexport.erp.ErpAnswer;
import io.github.coupapoexport.foundation.Secret;
import io.github.coupapoexport.settings.RetrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.coupapoexport.erp.staging.StagingFixtures.accepted;
import static io.github.coupapoexport.erp.staging.StagingFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

/** Every impossible {@code erp.staging-tables.*} setting is told at start, by its key; no password is ever shown. */
class StagingTablesPropertiesTest {

    @Test
    void everyProblemNamesItsKey() {
        // given no URL, an unknown layout and marking, a table name with a quote, an unknown field and table
        StagingTablesProperties settings = new StagingTablesProperties(" ", null, null, "sap", "always", 10,
                Map.of("headers", "PO_HEADERS; DROP TABLE X"), Map.of("lines", Map.of("colour", "COLOUR")),
                Map.of("shipments", Map.of("org-id", "1")), Map.of("headers", "1; DELETE"),
                Map.of("delete", "D"), Map.of("pending", ""), Duration.ofMillis(10),
                new RetrySettings(-1, Duration.ofSeconds(1), Duration.ofSeconds(1)));

        // then
        assertThat(settings.problems()).containsExactly(
                "erp.staging-tables.url is required (the JDBC URL of the ERP's database)",
                "erp.staging-tables.layout must be coupa-po-export or oracle-ebs (was 'sap')",
                "erp.staging-tables.mark-exported must be when-accepted or when-queued (was 'always')",
                "erp.staging-tables.key-length must be 32 or more (was 10)",
                "erp.staging-tables.timeout must be 250ms or more (was PT0.01S)",
                "erp.staging-tables.tables.headers must be a name of letters, digits, _, $, # and . (was 'PO_HEADERS;"
                        + " DROP TABLE X')",
                "erp.staging-tables.columns.lines.colour is not a field of lines (known: "
                        + String.join(", ", StagingTable.LINES.fields()) + ")",
                "erp.staging-tables.constants.shipments: 'shipments' is not a table (known: headers, lines,"
                        + " distributions, errors)",
                "erp.staging-tables.id-expressions.headers must be a sequence call such as SEQ.NEXTVAL, nextval('seq')"
                        + " or NEXT VALUE FOR seq (was '1; DELETE')",
                "erp.staging-tables.actions.delete is not one of create, update, cancel, close",
                "erp.staging-tables.statuses.pending must not be empty",
                "erp.staging-tables.retry.max-retries must be 0 or more (was -1)");
    }

    @Test
    void theEbsPresetNeedsTheOperatingUnitAndEveryLayoutTheColumnsThatLinkRows() {
        // given
        StagingTablesProperties ebs = settingsOf("oracle-ebs", Map.of("headers", Map.of("key", "")));

        // then
        assertThat(ebs.problems()).containsExactly(
                "erp.staging-tables.columns.headers.key must name a column: the adapter links and finds rows by it",
                "erp.staging-tables.constants.headers.org-id is required with layout oracle-ebs (the operating unit"
                        + " the import runs for)");
    }

    @Test
    void thePasswordIsShownNeitherByTheSettingsNorByAnAnswer() throws Exception {
        // given a password in the URL and in its own setting, and no database where the URL points
        StagingTablesProperties settings = settings(Map.of("url",
                "jdbc:postgresql://127.0.0.1:1/erp?user=coupa&password=s3cr3t-url", "username", "coupa", "password",
                "s3cr3t-setting", "timeout", "250ms"));

        // when
        ErpAnswer answer;
        try (StagingTablesErp erp = StagingTablesConfiguration.erp(settings)) {
            answer = erp.deliver(accepted("PO-1", 1));
        }

        // then
        assertThat(settings.password()).extracting(Secret::reveal).isEqualTo("s3cr3t-setting");
        assertThat(answer).isInstanceOf(ErpAnswer.Unreachable.class);
        assertThat(settings.toString() + answer).doesNotContain("s3cr3t").contains("jdbc:postgresql://127.0.0.1:1/erp");
        assertThat(StagingFailures.shown("jdbc:oracle:thin:coupa/s3cr3t@//erp:1521/ERP"))
            .isEqualTo("jdbc:oracle:thin:***@//erp:1521/ERP");
    }

    @Test
    void theDefaultEmbeddedDatabaseCreatesOurTablesOnFirstUse(@TempDir Path folder) throws Exception {
        // given the default URL, in a folder of this test's own
        String url = StagingTablesProperties.DEFAULT_URL.replace("./data/erp-staging", folder.resolve("erp")
            .toString());
        StagingTablesProperties settings = settings(Map.of("url", url));

        // when
        ErpAnswer answer;
        try (StagingTablesErp erp = StagingTablesConfiguration.erp(settings)) {
            answer = erp.deliver(accepted("PO-1", 1));
        }

        // then
        assertThat(answer).isInstanceOf(ErpAnswer.Queued.class);
        assertThat(Files.list(folder).map(Path::getFileName).map(Path::toString).toList()).contains("erp.mv.db");
    }

    private static StagingTablesProperties settingsOf(String layout, Map<String, Map<String, String>> columns) {
        return new StagingTablesProperties(StagingTablesProperties.DEFAULT_URL, null, null, layout,
                StagingTablesProperties.WHEN_ACCEPTED, null, null, columns, null, null, null, null,
                Duration.ofSeconds(30), new RetrySettings(null, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }
}
