package io.github.coupapoexport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What happens to the real jar under a scheduler: kill -9 in the middle, SIGTERM, a second run while one is alive.
 * Started by its launcher, as the scheduler definitions in config/ do, so that signals are seen to reach the JVM
 * through it.
 * Each scenario ends in the state of a clean run: every PO exported, each snapshot applied by the ERP once.
 */
abstract class OperationScenarios {

    static final int PURCHASE_ORDERS = 120;

    private ExportJobHarness harness;

    abstract JobRepositoryDatabase jobRepository();

    @BeforeEach
    void purchaseOrders() {
        harness = new ExportJobHarness(jobRepository());
        harness.coupa.add(CoupaPo.numbered(PURCHASE_ORDERS));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void killedRunIsRecoveredAndResumedByTheNextRunWithEveryPoAppliedOnce() {
        // given a run killed with SIGKILL in the middle of its export
        harness.erp.answerAfter(40);
        ExportProcess killed = harness.launchThroughLauncher("--coupa.page-size=10");
        harness.awaitErpDocuments(35, Duration.ofSeconds(60));
        killed.kill();
        assertThat(harness.database().queryForObject("SELECT STATUS FROM BATCH_JOB_EXECUTION", String.class))
            .isEqualTo("STARTED");

        // when the scheduler runs the same command again
        harness.erp.answerAfter(0);
        ExportProcess rerun = harness.launchThroughLauncher("--coupa.page-size=10");

        // then it recovers the orphaned execution without a manual recover, and resumes it
        assertThat(rerun.exitCode(Duration.ofSeconds(90))).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("was left STARTED by a process that is gone; recovering it");
        assertThat(harness.database().queryForList("SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID",
                String.class)).containsExactly("FAILED", "COMPLETED");
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(acceptedAnswersPerKey()).hasSize(PURCHASE_ORDERS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
        // and the Coupa integration run the killed process left running is failed, not left running for ever
        assertThat(harness.coupa.integrationRuns()).extracting(run -> run.get("status"))
            .containsExactly("failed", "successful");
        assertThat(rerun.output()).contains("Coupa integration run 901 was left OPEN by an earlier execution");
    }

    @Test
    void killInBeforeErpModeAfterTheMarkIsFinishedAndReportedByTheNextRun() {
        // given Coupa's documented order (mark, then send) and a run killed while the ERP is taking PO 37, which
        // Coupa already shows exported
        AtomicBoolean erpHanging = new AtomicBoolean(true);
        harness.erp.beforeAnswering(document -> {
            while (erpHanging.get() && document.get("coupaId").asLong() == 37) {
                pause();
            }
        });
        ExportProcess killed = harness.launchThroughLauncher("--coupa.page-size=10", "--export.mark-exported=before-erp");
        harness.awaitErpDocuments(37, Duration.ofSeconds(60));
        while (harness.erp.received().stream().noneMatch(received -> received.poNumber().equals("37"))) {
            pause();
        }
        killed.kill();
        erpHanging.set(false);
        assertThat(harness.coupa.isExported(37)).isTrue();
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(37L)).singleElement()
            .satisfies(row -> assertThat(row.get("OUTCOME")).isEqualTo("SENDING"));

        // when
        ExportProcess rerun = harness.launchThroughLauncher("--coupa.page-size=10", "--export.mark-exported=before-erp");

        // then PO 37 is resent under its own key, recorded and reported, and nothing is left in between
        assertThat(rerun.exitCode(Duration.ofSeconds(90))).as(rerun.output()).isZero();
        assertThat(harness.ledger()).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED");
            assertThat(row.get("COUPA_MARK")).isEqualTo("MARKED");
            assertThat(row.get("REPORTED_AT")).isNotNull();
        });
        assertThat(harness.coupa.historyRecords()).filteredOn(record -> String.valueOf(record.get("document-id")).equals("37"))
            .extracting(record -> record.get("status")).containsExactly("Success");
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(acceptedAnswersPerKey()).hasSize(PURCHASE_ORDERS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void killBetweenTheErpsAcceptanceAndTheMarkNeitherLosesNorDoublePostsThePo() {
        // given a run killed after the ERP accepted PO 37 and before Coupa heard of it
        harness.coupa.hangWhenMarking(37);
        ExportProcess killed = harness.launchThroughLauncher("--coupa.page-size=10");
        harness.awaitCoupaRequest("PUT", "/api/purchase_orders/37", Duration.ofSeconds(60));
        killed.kill();
        assertThat(harness.coupa.isExported(37)).isFalse();
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("37"))
            .extracting(Received::status).containsExactly(201);

        // when
        ExportProcess rerun = harness.launchThroughLauncher("--coupa.page-size=10");

        // then PO 37 is only marked, and every other PO exported once
        assertThat(rerun.exitCode(Duration.ofSeconds(90))).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("PO 37 (coupa-37-1-2026-03-02T09:20:11-08:00), accepted by the ERP earlier, is now marked");
        // (with four POs in flight, others accepted but not yet marked at the kill are only marked as well)
        assertThat(rerun.summary()).containsPattern("skipped=[1-4] ");
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("37")).hasSize(1);
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(acceptedAnswersPerKey()).hasSize(PURCHASE_ORDERS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void sigtermStopsAtTheChunkBoundaryWithExit4AndTheNextRunResumes() {
        // given
        harness.erp.answerAfter(40);
        ExportProcess run = harness.launchThroughLauncher("--coupa.page-size=10");
        harness.awaitErpDocuments(25, Duration.ofSeconds(60));

        // when
        long signalled = System.nanoTime();
        run.terminate();

        // then
        assertThat(run.exitCode(Duration.ofSeconds(30))).as(run.output()).isEqualTo(4);
        assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(30));
        assertThat(run.summary()).contains("status=STOPPED", "exit=4");
        assertThat(run.output()).contains("SIGTERM received: stopping at the next chunk boundary");
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(coupaRun -> assertThat(coupaRun).containsEntry("status", "failed"));
        long exportedBeforeStop = harness.coupa.exportedIds().size();
        assertThat(exportedBeforeStop % 10).as("stopped at a chunk boundary").isZero();

        // and when
        harness.erp.answerAfter(0);
        ExportProcess resumed = harness.launchThroughLauncher("--coupa.page-size=10");

        // then
        assertThat(resumed.exitCode(Duration.ofSeconds(90))).as(resumed.output()).isZero();
        assertThat(resumed.summary()).contains("read=" + PURCHASE_ORDERS, "exported=" + PURCHASE_ORDERS);
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
        assertThat(acceptedAnswersPerKey()).hasSize(PURCHASE_ORDERS).allSatisfy((key, count) -> assertThat(count).isEqualTo(1L));
    }

    @Test
    void secondRunWhileOneIsAliveExits5AtOnce() {
        // given a run in progress, slowed down so that it outlives the second process's start
        harness.erp.answerAfter(400);
        ExportProcess first = harness.launchThroughLauncher("--coupa.page-size=10");
        harness.awaitErpDocuments(5, Duration.ofSeconds(60));

        // when
        ExportProcess second = harness.launchThroughLauncher("--coupa.page-size=10");

        // then
        assertThat(second.exitCode(Duration.ofSeconds(30))).as(second.output()).isEqualTo(5);
        assertThat(second.output()).contains("another execution is running against this job repository");
        assertThat(first.isAlive()).isTrue();
        harness.erp.answerAfter(0);
        assertThat(first.exitCode(Duration.ofSeconds(90))).as(first.output()).isZero();
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private Map<String, Long> acceptedAnswersPerKey() {
        return harness.erp.received().stream().filter(received -> received.status() == 201 || received.status() == 200)
            .collect(Collectors.groupingBy(Received::idempotencyKey, Collectors.counting()));
    }

}
