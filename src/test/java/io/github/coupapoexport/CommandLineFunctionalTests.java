package io.github.coupapoexport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** What a scheduler sees of the command line: exit codes, the summary line, and nothing it must not see. */
class CommandLineFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everySettingsProblemIsListedAtOnceWithExitCode2() {
        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.base-url=", "--erp.base-url=ftp://erp",
                "--coupa.page-size=80", "--export.value-maps=config/missing.yml");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("The configuration has 4 problems",
                "coupa.base-url is required (https://<instance>)",
                "erp.base-url must start with https:// or http:// (was 'ftp://erp')",
                "coupa.page-size must be between 1 and 50 (was 80)",
                "export.value-maps: value maps file", "config/missing.yml does not exist");
        assertThat(harness.coupaRequests()).isEmpty();
    }

    @Test
    void erpTypeWithoutAnAdapterIsASettingsProblemWithExitCode2() {
        // when
        ExportJobHarness.RunResult result = harness.run("--erp.type=soap");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("erp.type must be one of rest, sap-s4hana, staging-tables (was 'soap')");
        assertThat(harness.coupaRequests()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageError() {
        ExportJobHarness.RunResult result = harness.run("export-everything");

        assertThat(result.exitCode()).isEqualTo(2);
        // (after the settings options it could be the rest of a value with a space in it: it is not repeated)
        assertThat(result.output()).contains("unknown command (an argument)", "usage:")
            .doesNotContain("export-everything");
        assertThat(harness.coupaRequests()).isEmpty();
    }

    @Test
    void refusedCredentialsExitWith2NamingClientAndScopesButNeverTheSecret() {
        // given
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.client-secret=wrong-secret-b7f3");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.summary()).contains("status=FAILED", "exit=2",
                "Coupa refused the client credentials of client id 'po-export' for scopes [core.purchase_order.read, "
                        + "core.purchase_order.write, core.integration.read, core.integration.write]", "invalid_client");
        assertThat(result.output()).doesNotContain("wrong-secret-b7f3");
        assertThat(harness.erp.received()).isEmpty();
    }

    @Test
    void secretsAppearNeitherInOutputNorInLogFilesNorInTheJobRepository() throws IOException {
        // given known secrets, every log switched on, and a run that exports one PO and then fails on Coupa
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .withQueryParam("id[gt]", WireMock.equalTo("1"))
            .willReturn(aResponse().withStatus(400).withBody("bad request")));
        java.nio.file.Path logFile = harness.folder().resolve("export.log");

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=1", "--erp.username=erp-user",
                "--erp.password=erp-pass-9a7e", "--debug", "--logging.level.io.github.coupapoexport.wire=DEBUG",
                "--logging.file.name=" + logFile);

        // then the credentials were used
        assertThat(result.exitCode()).isEqualTo(1);
        String basic = java.util.Base64.getEncoder()
            .encodeToString("erp-user:erp-pass-9a7e".getBytes(StandardCharsets.UTF_8));
        assertThat(harness.erp.server().getAllServeEvents().get(0).getRequest().getHeader("Authorization"))
            .isEqualTo("Basic " + basic);
        // and the wire log shows that a credential was sent, never which
        assertThat(result.output()).contains("coupa --> GET", "Authorization: [Bearer ******]",
                "erp --> POST", "Authorization: [Basic ******]");
        List<String> secrets = List.of(io.github.coupapoexport.sandbox.FakeCoupa.CLIENT_SECRET, "erp-pass-9a7e", basic,
                "token-1");
        String repository = "" + harness.database().queryForList(
                "SELECT PARAMETER_NAME || '=' || PARAMETER_VALUE FROM BATCH_JOB_EXECUTION_PARAMS", String.class)
            + harness.database().queryForList("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION", String.class)
            + harness.database().queryForList("SELECT SHORT_CONTEXT || SERIALIZED_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT",
                    String.class)
            + harness.database().queryForList("SELECT SHORT_CONTEXT || SERIALIZED_CONTEXT FROM BATCH_JOB_EXECUTION_CONTEXT",
                    String.class)
            + harness.ledger();
        String logged = Files.readString(logFile, StandardCharsets.UTF_8);
        assertThat(logged).contains("Authorization: [Bearer ******]");
        for (String secret : secrets) {
            assertThat(result.output()).doesNotContain(secret);
            assertThat(logged).doesNotContain(secret);
            assertThat(repository).doesNotContain(secret);
        }
        assertThat(filesUnder(harness.jobRepositoryFolder())).isNotEmpty().allSatisfy(
                content -> secrets.forEach(secret -> assertThat(content).doesNotContain(secret)));
    }

    @Test
    void snapshotTheErpAcceptedBeforeTheRunFailedIsMarkedExportedWithoutPostingAgain() {
        // given Coupa failing to mark PO 2 once the ERP accepted it
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).line(Line.amount(21, "1", "Consulting", "100.00")));
        StubMapping markFails = harness.coupa.server().stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/purchase_orders/2"))
            .atPriority(1).willReturn(aResponse().withStatus(500).withBody("{\"errors\":{\"base\":[\"internal error\"]}}")));
        ExportJobHarness.RunResult failed = harness.run();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.summary()).contains("PUT " + harness.coupa.baseUrl() + "/api/purchase_orders/2?exported=true",
                "answered HTTP 500");
        assertThat(harness.coupa.isExported(2)).isFalse();

        // when Coupa is back
        harness.coupa.server().removeStub(markFails);
        ExportJobHarness.RunResult resumed = harness.run();

        // then PO 2 is marked exported before anything is read again, and the ERP saw it once; the summary counts both
        // executions of the job instance
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.summary()).contains("exported=1", "skipped=1", "failed=0");
        assertThat(harness.coupa.isExported(2)).isTrue();
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactlyInAnyOrder("1", "2");
    }

    private static List<String> filesUnder(Path folder) throws IOException {
        if (folder == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(file -> {
                try {
                    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                }
                catch (IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            }).toList();
        }
    }
}
