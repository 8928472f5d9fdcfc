package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeSap;
import io.github.coupapoexport.sandbox.FakeSapTokenService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** The real job with {@code erp.type=sap-s4hana}, from Coupa into SAP's purchase order service and back. */
class SapS4HanaFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    private final FakeSap sap = new FakeSap(false).start();

    SapS4HanaFunctionalTests() throws IOException {
    }

    @AfterEach
    void stop() {
        sap.stop();
        harness.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void newPoReachesSapOnceIsMarkedExportedAndTheLedgerKeepsSapsNumberForTheNextVersion() {
        // given a PO with SAP's codes for payment term and G/L account
        harness.coupa.add(po(4821).version(1).total("1250.00").paymentTerm("NT45")
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA").total("250.00")
                .account("61000000"))
            .line(Line.amount(15002, "2", "Installation service", "1000.00").account("61000100")
                .needBy("2026-03-25T00:00:00-07:00")));

        // when
        ExportJobHarness.RunResult day1 = harness.run(sap.settings().toArray(String[]::new));

        // then
        assertThat(day1.exitCode()).isZero();
        assertThat(day1.summary()).contains("status=COMPLETED", "read=1", "exported=1", "failed=0", "exit=0");
        assertThat(sap.created()).hasSize(1);
        assertThat(sap.purchaseOrders()).containsOnlyKeys("4500000001");
        assertThat(harness.erp.received()).isEmpty();
        assertThat(harness.coupa.isExported(4821)).isTrue();
        assertThat(harness.ledger()).singleElement().satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED");
            assertThat(row.get("ACTION")).isEqualTo("CREATE");
            assertThat(row.get("ERP_DOCUMENT_ID")).isEqualTo("4500000001");
        });

        // and when Coupa issues version 2 (the buyer's change: more gloves, the installation a week later)
        harness.coupa.change(4821, "2026-03-03T10:00:00-08:00", po -> {
            po.put("version", 2);
            List<Map<String, Object>> lines = (List<Map<String, Object>>) po.get("order-lines");
            lines.get(0).put("quantity", "60.0");
            lines.get(0).put("total", "300.00");
            lines.get(1).put("need-by-date", "2026-04-01T00:00:00-07:00");
        });
        ExportJobHarness.RunResult day2 = harness.run(sap.settings().toArray(String[]::new));

        // then SAP's PO is changed, not created again
        assertThat(day2.exitCode()).isZero();
        assertThat(sap.created()).hasSize(1);
        assertThat(sap.calls()).contains(
                "PATCH /A_PurchaseOrderItem(PurchaseOrder='4500000001',PurchaseOrderItem='10')",
                "PATCH /A_PurchaseOrderScheduleLine(PurchasingDocument='4500000001',PurchasingDocumentItem='20',"
                        + "ScheduleLine='1')");
        assertThat(harness.coupa.isExported(4821)).isTrue();
        assertThat(harness.ledger()).extracting(row -> row.get("ACTION") + " " + row.get("ERP_DOCUMENT_ID"))
            .isEqualTo(List.of("CREATE 4500000001", "UPDATE 4500000001"));
    }

    @Test
    void splitLineReachesSapAsOneAccountAssignmentPerAllocationFromTheConfiguredSegments() {
        // given a line split 60/40 over two accounts whose third segment is the G/L account, second the cost center
        harness.coupa.add(po(4830).total("1000.00").paymentTerm("NT45")
            .line(Line.amount(16002, "1", "Installation service", "1000.00")
                .allocation("60.0", "600.0000", "01-100-8100", "01", "100", "8100")
                .allocation("40.0", "400.0000", "02-200-8100", "02", "200", "8100")));
        List<String> settings = sap.settings();
        settings.addAll(List.of("--erp.sap.account-segments.gl-account=segment-3",
                "--erp.sap.account-segments.cost-center=segment-2"));

        // when
        ExportJobHarness.RunResult result = harness.run(settings.toArray(String[]::new));

        // then SAP holds the item with both assignments, distributed by percentage
        assertThat(result.exitCode()).as(result.output()).isZero();
        JsonNode item = sap.purchaseOrders().get("4500000001").get("to_PurchaseOrderItem").get(0);
        assertThat(item.get("MultipleAcctAssgmtDistribution").asString()).isEqualTo("2");
        assertThat(item.get("to_AccountAssignment").toString().replaceAll(",\"__metadata\":\\{[^}]*}", ""))
            .isEqualTo("""
                [{"AccountAssignmentNumber":"01","MultipleAcctAssgmtDistrPercent":"60","GLAccount":"8100",\
                "CostCenter":"100"},{"AccountAssignmentNumber":"02","MultipleAcctAssgmtDistrPercent":"40",\
                "GLAccount":"8100","CostCenter":"200"}]""");
        assertThat(harness.coupa.isExported(4830)).isTrue();
    }

    @Test
    void withOAuth2ClientCredentialsThePoReachesSapAndARefusedClientStopsTheRunWithExit2() {
        // given a deployment that signs in with OAuth 2.0, and a token service that refuses the client at first
        harness.coupa.add(po(4821).paymentTerm("NT45").line(Line.amount(15002, "1", "Installation service",
                "1000.00").account("61000100")));
        sap.tokenService().refuseClient(true);
        String[] settings = FakeSapTokenService.settings(sap).toArray(String[]::new);

        // when
        ExportJobHarness.RunResult refused = harness.run(settings);

        // then nothing is marked, and the operator is told the OAuth client was refused, never its secret
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.output()).contains("SAP's token endpoint refused the OAuth client", "invalid_client")
            .doesNotContain(FakeSapTokenService.CLIENT_SECRET);
        assertThat(harness.coupa.exportedIds()).isEmpty();

        // and once the client is fixed
        sap.tokenService().refuseClient(false);
        ExportJobHarness.RunResult fixed = harness.run(settings);
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(sap.purchaseOrders()).hasSize(1);
        assertThat(harness.coupa.exportedIds()).containsExactly(4821L);
    }

    @Test
    void dryRunWritesTheDeepInsertSapWouldReceiveAndAPoSapWouldRefuseAsRejectedWithoutCallingSap()
            throws IOException {
        // given a PO SAP would take and one whose account code is over SAP's 10 characters
        harness.coupa.add(po(4821).paymentTerm("NT45").line(Line.amount(15002, "1", "Installation service",
                "1000.00").account("61000100")),
                po(4822).paymentTerm("NT45").line(Line.amount(15102, "1", "Consulting", "500.00")
                    .account("01-100-8000")));
        Path out = harness.folder().resolve("dry-run");
        List<String> settings = sap.settings();
        settings.addAll(List.of("--dry-run", "--out=" + out));

        // when
        ExportJobHarness.RunResult result = harness.run(settings.toArray(String[]::new));

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(sap.calls()).isEmpty();
        assertThat(Files.readString(out.resolve("PO-4821.json"))).contains("\"method\" : \"POST\"",
                "\"path\" : \"/A_PurchaseOrder\"", "\"CorrespncExternalReference\" : \"4821\"",
                "\"GLAccount\" : \"61000100\"");
        assertThat(Files.readString(out.resolve("PO-4822.rejected.txt"))).isEqualTo("PO 4822 cannot be sent to the"
                + " ERP: line 1: GLAccount '01-100-8000' has 11 characters, SAP takes at most 10"
                + " (erp.sap.account-segments.gl-account=code)" + System.lineSeparator());
        assertThat(harness.coupa.isExported(4821)).isFalse();
    }

    @Test
    void refusedSapCredentialsStopTheRunWithExit2MarkingNothingAndNamingNoSecret() {
        // given
        harness.coupa.add(po(4821).paymentTerm("NT45")
            .line(Line.quantity(15001, "1", "Safety gloves, L", "50.0", "5.00", "EA").account("61000000")));
        List<String> settings = sap.settings();
        settings.add("--erp.sap.password=sap-wrong-77c1");

        // when
        ExportJobHarness.RunResult result = harness.run(settings.toArray(String[]::new));

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("SAP refused the job's credentials").doesNotContain("sap-wrong-77c1",
                FakeSap.PASSWORD);
        assertThat(sap.created()).isEmpty();
        assertThat(harness.coupa.isExported(4821)).isFalse();
    }

    @Test
    void sapSettingsProblemsAreListedAtOnceWithExit2() {
        // when SAP is chosen and its settings are left out
        ExportJobHarness.RunResult result = harness.run("--erp.type=sap-s4hana", "--erp.sap.numbering=automatic");

        // then
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("erp.sap.base-url is required", "erp.sap.username is required",
                "erp.sap.password is required", "erp.sap.numbering must be internal or external (was 'automatic')",
                "erp.sap.company-code is required", "erp.sap.plant is required");
        assertThat(harness.coupaRequests()).isEmpty();
    }
}
