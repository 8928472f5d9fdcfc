package io.github.coupapoexport.cli;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The options and settings keys known before Spring starts, derived from the settings records. */
class ArgumentCheckTest {

    private final ArgumentCheck check = ArgumentCheck.ofThisApplication();

    @Test
    void everyKeyOfTheSettingsRecordsIsKnownInSpringsRelaxedForms() {
        assertThat(check.problems("status", "--coupa.base-url=https://acme.coupahost.com", "--coupa.clientSecret=x",
                "--coupa.client_id=po-export", "--COUPA.PAGE-SIZE=10", "--coupa.retry.max-retries=3",
                "--coupa.monitoring.integrationCode=PO_TO_ERP", "--coupa.scopes[1]=core.purchase_order.read",
                "--erp.bearer-token=t", "--erp.retry.initial-delay=2s", "--erp.outage-threshold=5",
                "--export.value-maps=maps.yml", "--export.markExported=before-erp", "--export.concurrency=2"))
            .isEmpty();
    }

    @Test
    void theAlertKeysAreKnownAndAMisspeltOneIsRefusedWithoutItsValue() {
        assertThat(check.problems("run", "--alerts.repeat-after=1h", "--alerts.webhook.url=https://hooks.example/t0k3n",
                "--alerts.webhook.format=teams", "--alerts.mail.to[0]=ops@example.com", "--alerts.mail.to=a@example.com",
                "--alerts.mail.from=job@example.com", "--alerts.on-rejections=digest", "--alerts.resolved=false"))
            .isEmpty();
        assertThat(check.problems("run", "--alerts.webhook-url=https://hooks.example/t0k3n")).singleElement().asString()
            .startsWith("unknown setting --alerts.webhook-url").doesNotContain("t0k3n");
    }

    @Test
    void aComponentBoundUnderAnotherNameIsKnownByTheNameSpringBindsItTo() {
        // coupa.monitoring.mode is bound as text into the component modeSetting (@Name("mode"))
        assertThat(check.problems("run", "--coupa.monitoring.mode=history")).isEmpty();
        assertThat(check.problems("run", "--coupa.monitoring.mode-setting=history")).singleElement().asString()
            .startsWith("unknown setting --coupa.monitoring.mode-setting");
    }

    @Test
    void thisCommandLinesOptionsAndSpringsOwnPass() {
        assertThat(check.problems("run", "--dry-run", "--out=documents", "--po=4821,4822", "--debug", "--trace=true",
                "--spring.datasource.url=jdbc:h2:mem:x", "--logging.level.root=INFO", "--management.x=y")).isEmpty();
    }

    @Test
    void aGroupIsNotAKeyAndOnlyAListTakesAnIndex() {
        assertThat(check.problems("--coupa.retry=3", "--coupa.page-size[0]=10", "--erp.retry.max-retry=2"))
            .containsExactly("unknown setting --coupa.retry (the keys are listed in the README's Configuration section)",
                    "unknown setting --coupa.page-size[0] (the keys are listed in the README's Configuration section)",
                    "unknown setting --erp.retry.max-retry (the keys are listed in the README's Configuration section)");
    }

    @Test
    void theStagingTablesKeysAndTheEntriesOfTheirMapsAreKnown() {
        assertThat(check.problems("run", "--erp.type=staging-tables", "--erp.staging-tables.mark-exported=when-queued",
                "--erp.staging-tables.constants.headers.org-id=204", "--erp.staging-tables.constants.headers.[ORG_ID]=204",
                "--erp.staging-tables.columns.headers.supplier-number=VENDOR_NUM",
                "--erp.staging-tables.retry.max-retries=2")).isEmpty();
        assertThat(check.problems("run", "--erp.staging-tables.mark-exportd=when-queued")).singleElement().asString()
            .startsWith("unknown setting --erp.staging-tables.mark-exportd");
    }

    @Test
    void aPlantPerShipToAddressNamedWithSpacesAndDotsPassesInBrackets() {
        assertThat(check.problems("run", "--erp.sap.plants-by-ship-to.[Berlin Warehouse]=1710",
                "--erp.sap.plants-by-ship-to.[St. Louis Dock 2]=1720")).isEmpty();
    }

    @Test
    void aValueAfterASpaceIsNeitherAcceptedNorRepeated() {
        assertThat(check.problems("--erp.password", "pw-1", "--spring.datasource.password", "pw-2", "--out", "d"))
            .containsExactly("--erp.password needs its value after '=', as in --erp.password=VALUE, not after a space",
                    "--spring.datasource.password needs its value after '=', as in --spring.datasource.password=VALUE, "
                            + "not after a space",
                    "--out needs its value after '=', as in --out=DIR (dry run) or --out=FILE.html (report), "
                            + "not after a space");
    }

    @Test
    void anUnknownOptionsValueIsNotTakenForACommand() {
        assertThat(check.problems("--secret", "pw-3", "run")).containsExactly("unknown option --secret");
    }

    @Test
    void commandsAreChecked() {
        assertThat(check.problems("--dry-run", "status")).isEmpty();
        assertThat(check.problems("export")).containsExactly(
                "unknown command 'export' (known: run, status, stop, recover, failures, retry, report, reconcile, baseline)");
        assertThat(check.problems("report", "--out=weekly.html")).isEmpty();
        assertThat(check.problems("run", "status")).containsExactly("one command at a time, got [run, status]");
        assertThat(check.problems("--dry-run=yes", "--po=,")).containsExactly("--dry-run takes no value",
                "--po needs one or more PO numbers, e.g. --po=4821,4822");
    }

    @Test
    void reconcileTakesADateAndFixAndRefusesABadDateWithoutRepeatingIt() {
        assertThat(check.problems("reconcile", "--since=2026-11-01", "--fix", "--json")).isEmpty();
        assertThat(check.problems("reconcile", "--since=2026-11-01T06:00:00Z")).isEmpty();
        assertThat(check.problems("reconcile", "--since=last-tuesday")).containsExactly("--since must be an ISO date or "
                + "date-time, as in --since=2026-11-01 or --since=2026-11-01T06:00:00Z");
        assertThat(check.problems("reconcile", "--since", "2026-11-01")).containsExactly("--since needs its value after "
                + "'=', as in --since=DATE, not after a space");
        assertThat(check.problems("reconcile", "--fix=yes")).containsExactly("--fix takes no value");
    }

    @Test
    void anArgumentThatMayHoldASecretIsNeverRepeated() {
        assertThat(check.problems("run", "-erp.password=S3cr3t")).containsExactly(
                "one command at a time, got [run, (an argument)]");
        assertThat(check.problems("--erp.password=my", "secret", "phrase")).containsExactly(
                "one command at a time, got [(an argument), (an argument)]");
        assertThat(check.problems("--erp.password=my", "secret")).containsExactly(
                "unknown command (an argument) (known: run, status, stop, recover, failures, retry, report, reconcile, baseline)");
        assertThat(check.problems("--erp.password:S3cr3t")).containsExactly(
                "an option that is not --key=value (--erp.password...)");
        assertThat(check.problems("Sup3r$ecret")).containsExactly(
                "unknown command (an argument) (known: run, status, stop, recover, failures, retry, report, reconcile, baseline)");
    }

    @Test
    void baselineTakesADateOrADateTimeWithItsOffsetAndNeedsOne() {
        assertThat(check.problems("baseline", "--before=2026-01-01")).isEmpty();
        assertThat(check.problems("baseline", "--before=2026-01-01T00:00:00+01:00", "--dry-run")).isEmpty();
        assertThat(check.problems("baseline")).singleElement().asString().startsWith("baseline needs --before=DATE");
        assertThat(check.problems("baseline", "--before=2026-01-01T00:00:00")).containsExactly("--before must be an ISO "
                + "date such as 2026-01-01 (the start of that day in UTC) or an ISO date-time with its offset such as "
                + "2026-01-01T00:00:00+01:00");
        assertThat(check.problems("baseline", "--before", "2026-01-01")).first().isEqualTo(
                "--before needs its value after '=', as in --before=DATE, not after a space");
    }

    @Test
    void baselineRefusesTheOptionsItWouldIgnoreAndOnlyBaselineTakesADate() {
        assertThat(check.problems("baseline", "--before=2026-01-01", "--po=4821")).containsExactly(
                "--po is not an option of baseline");
        assertThat(check.problems("run", "--before=2026-01-01")).containsExactly("--before is an option of baseline only");
    }

    @Test
    void aBaselineDateIsTheStartOfThatDayInUtcAndADateTimeKeepsItsOffset() {
        assertThat(BaselineDate.parse("2026-01-01")).contains(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(BaselineDate.parse("2026-01-01T08:30:00+01:00")).contains(Instant.parse("2026-01-01T07:30:00Z"));
        assertThat(BaselineDate.parse("yesterday")).isEmpty();
    }
}
