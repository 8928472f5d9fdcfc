package io.github.coupapoexport;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code reconcile} against a REST ERP that answers what it holds of a PO ({@code erp.lookup-path}): a PO the ledger
 * says the ERP accepted but the ERP lost, put back by {@code --fix} and sent again by the next run; an ERP that cannot
 * be read (exit 1) and credentials Coupa refuses (exit 2).
 */
class ReconcileWithErpLookupFunctionalTests {

    private static final String SINCE = "--since=2026-01-01";

    private static final String LOOKUP = "--erp.lookup-path=/erp/orders/{coupaId}";

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void exportTwoPos() {
        harness.coupa.add(po(1).line(line(1)), po(2).line(line(2)));
        assertThat(harness.run().exitCode()).isZero();
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void aPoTheErpLostIsPutBackByFixAndSentAgainByTheNextRun() {
        // given the ERP holds PO 1 at version 1 and answers 404 for PO 2, which the ledger says it accepted
        harness.erp.server().stubFor(get(urlEqualTo("/erp/orders/1"))
            .willReturn(okJson("{\"revision\": 1, \"erpDocumentId\": \"ERP-1-r1\"}")));

        // when
        ExportJobHarness.RunResult fixed = harness.run("reconcile", SINCE, "--fix", LOOKUP);

        // then PO 2 is listed as not in the ERP, the ERP was asked once per PO, and PO 2 is put back
        assertThat(fixed.exitCode()).as(fixed.output()).isEqualTo(3);
        assertThat(fixed.output()).doesNotContain("compared with the ledger only")
            .containsPattern("\\n  2 +2  not-in-erp +v1 issued +v1 +none +put back: the next run sends it")
            .contains("exported-in-coupa=2 not-in-erp=1 not-exported=0 newer-in-coupa=0 erp=read fix=true");
        harness.erp.server().verify(1, getRequestedFor(urlEqualTo("/erp/orders/1")));
        harness.erp.server().verify(1, getRequestedFor(urlEqualTo("/erp/orders/2")));
        assertThat(harness.coupa.exportedIds()).containsExactly(1L);

        // when the next run comes
        assertThat(harness.run().exitCode()).isZero();

        // then PO 2's same content went to the ERP again, under a key the ERP has not applied, and is marked
        assertThat(harness.erp.applied()).filteredOn(applied -> applied.poNumber().equals("2"))
            .extracting(FakeErp.Applied::idempotencyKey)
            .hasSize(2)
            .last().asString().contains("-replay-");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
    }

    @Test
    void aPoTheErpHoldsButTheJobNeverSentIsNotPutBackByFix() {
        // given PO 3 keyed into the ERP by hand at version 1 and marked exported by hand in Coupa at version 2
        harness.coupa.add(po(3).exported(true).set("version", 2).line(line(3)));
        harness.erp.server().stubFor(get(urlEqualTo("/erp/orders/1"))
            .willReturn(okJson("{\"revision\": 1, \"erpDocumentId\": \"ERP-1-r1\"}")));
        harness.erp.server().stubFor(get(urlEqualTo("/erp/orders/2"))
            .willReturn(okJson("{\"revision\": 1, \"erpDocumentId\": \"ERP-2-r1\"}")));
        harness.erp.server().stubFor(get(urlEqualTo("/erp/orders/3"))
            .willReturn(okJson("{\"revision\": 1, \"erpDocumentId\": \"BY-HAND-3\"}")));

        // when
        ExportJobHarness.RunResult fixed = harness.run("reconcile", SINCE, "--fix", LOOKUP);

        // then it is listed and left marked: put back, the next run would send it as a CREATE, a second PO in the ERP
        assertThat(fixed.exitCode()).as(fixed.output()).isEqualTo(3);
        assertThat(fixed.output()).containsPattern("\\n  3 +3  newer-in-coupa +v2 issued +none +version 1 +left to a "
                + "person: ");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L);

        // and the next run sends nothing of it
        assertThat(harness.run().exitCode()).isZero();
        assertThat(harness.erp.applied()).extracting(FakeErp.Applied::poNumber).doesNotContain("3");
    }

    @Test
    void aFixThatCannotRecordThePutBackLeavesThePoMarked() {
        // given the ERP lost PO 2, and a ledger that cannot take the record of a put-back (the process dies there)
        harness.erp.server().stubFor(get(urlEqualTo("/erp/orders/1"))
            .willReturn(okJson("{\"revision\": 1, \"erpDocumentId\": \"ERP-1-r1\"}")));
        harness.database().execute("ALTER TABLE RECONCILIATION_DIFFERENCE ADD CONSTRAINT DIES_HERE CHECK (FIX <> "
                + "'UNMARKED')");

        // when
        ExportJobHarness.RunResult fixed = harness.run("reconcile", SINCE, "--fix", LOOKUP);

        // then PO 2 is still marked: put back without the record, the next run would only mark it again (its content
        // is what the ledger says the ERP accepted), and the lost PO would stay lost
        assertThat(fixed.exitCode()).as(fixed.output()).isNotZero();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
    }

    @Test
    void anErpThatCannotBeReadStopsTheReconciliationWithExit1() {
        // given
        harness.erp.server().stubFor(get(urlPathMatching("/erp/orders/.*")).willReturn(aResponse().withStatus(503)));

        // when
        ExportJobHarness.RunResult reconcile = harness.run("reconcile", SINCE, LOOKUP);

        // then
        assertThat(reconcile.exitCode()).as(reconcile.output()).isEqualTo(1);
        assertThat(reconcile.output()).contains("coupa-po-export: reconcile stopped: GET ")
            .contains("HTTP 503").contains("; exit 1");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
    }

    @Test
    void anErpThatRefusesTheLookUpIsASetupErrorWithExit2() {
        // given
        harness.erp.server().stubFor(get(urlPathMatching("/erp/orders/.*")).willReturn(aResponse().withStatus(403)));

        // when
        ExportJobHarness.RunResult reconcile = harness.run("reconcile", SINCE, LOOKUP);

        // then
        assertThat(reconcile.exitCode()).as(reconcile.output()).isEqualTo(2);
        assertThat(reconcile.output()).contains("HTTP 403").contains("erp.lookup-path");
    }

    @Test
    void credentialsCoupaRefusesAreExit2WithoutTheSecret() {
        // when
        ExportJobHarness.RunResult reconcile = harness.run("reconcile", SINCE, "--coupa.client-secret=not-the-secret");

        // then
        assertThat(reconcile.exitCode()).as(reconcile.output()).isEqualTo(2);
        assertThat(reconcile.output()).contains("Coupa refused the client credentials").doesNotContain("not-the-secret");
    }

    private static Line line(long po) {
        return Line.amount(po * 10 + 1, "1", "Consulting", "100.00");
    }
}
