package io.github.coupapoexport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash and the stop of {@link ErpGuaranteeScenarios}, which need a process of their own: the packaged jar killed
 * with SIGKILL between an ERP's acceptance of a PO and its mark in Coupa, and stopped with SIGTERM in the middle of
 * its POs, run by a subclass per adapter. The rest of kill -9 and SIGTERM (the launcher, mid-run recovery, the
 * integration run in Coupa) is {@link OperationScenarios}, on the REST ERP.
 */
abstract class ErpCrashScenarios {

    private static final int PURCHASE_ORDERS = 40;

    private final ExportJobHarness harness = new ExportJobHarness();

    private final ErpUnderTest erp;

    ErpCrashScenarios(Function<ExportJobHarness, ErpUnderTest> erpUnderTest) {
        this.erp = erpUnderTest.apply(harness);
    }

    @BeforeEach
    void purchaseOrders() {
        // Values every adapter can take (SAP's payment term and G/L account lengths).
        LongStream.rangeClosed(1, PURCHASE_ORDERS).forEach(id -> harness.coupa.add(po(id).paymentTerm("NT45")
            .line(Line.quantity(id * 10, "1", "Item " + id, "1", "10.00", "EA").account("61000000"))));
    }

    @AfterEach
    void stop() {
        erp.close();
        harness.close();
    }

    @Test
    void killBetweenTheErpsAcceptanceAndTheMarkNeitherLosesNorAppliesAnyPoTwice() {
        // given a run killed after the ERP accepted PO 17 and before Coupa heard of it
        harness.coupa.hangWhenMarking(17);
        ExportProcess killed = launch();
        harness.awaitCoupaRequest("PUT", "/api/purchase_orders/17", Duration.ofSeconds(60));
        killed.kill();
        assertThat(harness.coupa.isExported(17)).isFalse();
        assertThat(erp.documentsFor("17")).isEqualTo(1);

        // when the scheduler runs the same command again
        ExportProcess rerun = launch();

        // then PO 17 is only marked (queued, not yet accepted, by an ERP that decides later), and every PO is
        // exported, each held once by the ERP
        assertThat(rerun.exitCode(Duration.ofSeconds(90))).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("PO 17 (coupa-17-1-2026-03-02T09:20:11-08:00), "
                + (erp.decidesLater() ? "queued" : "accepted") + " by the ERP earlier, is now marked");
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(LongStream.rangeClosed(1, PURCHASE_ORDERS).mapToObj(String::valueOf))
            .allSatisfy(poNumber -> assertThat(erp.documentsFor(poNumber)).as("PO " + poNumber).isEqualTo(1));
    }

    @Test
    void sigtermStopsTheRunAtAChunkBoundaryWithExit4AndTheRerunAppliesEveryPoOnce() {
        // given a run slowed down by a Coupa answering in 100 ms, well into its POs
        harness.coupa.latency(100);
        ExportProcess stopped = launch();
        harness.awaitCoupaRequest("PUT", "/api/purchase_orders/15", Duration.ofSeconds(60));

        // when the scheduler sends SIGTERM
        stopped.terminate();

        // then it stops at the next chunk boundary, as a stop, not a failure
        assertThat(stopped.exitCode(Duration.ofSeconds(30))).as(stopped.output()).isEqualTo(4);
        assertThat(stopped.summary()).contains("status=STOPPED", "exit=4");

        // and when the scheduler runs the same command again
        harness.coupa.latency(0);
        ExportProcess rerun = launch();

        // then every PO is exported, each held once by the ERP
        assertThat(rerun.exitCode(Duration.ofSeconds(90))).as(rerun.output()).isZero();
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(LongStream.rangeClosed(1, PURCHASE_ORDERS).mapToObj(String::valueOf))
            .allSatisfy(poNumber -> assertThat(erp.documentsFor(poNumber)).as("PO " + poNumber).isEqualTo(1));
    }

    private ExportProcess launch() {
        List<String> arguments = new ArrayList<>(erp.settings());
        arguments.add("--coupa.page-size=10");
        return harness.launch(arguments.toArray(String[]::new));
    }
}
