package io.github.coupapoexport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guarantees of README "Reliability" that every ERP adapter owes, written once and run by a subclass per adapter
 * against that adapter's fake ({@link ErpUnderTest}): a PO reaches the ERP once and is reported; an answer the ERP
 * lost, or passing failures, never make it apply a PO twice; a rejection and refused credentials end with the same
 * exit codes and reports; a new version changes the document the ERP holds. Kill -9 and SIGTERM are process-level
 * scenarios ({@link OperationScenarios}), not repeated here.
 * <p>
 * Against an ERP that decides later, "a run" is the run that queues, the ERP's import, and the next run, which reads
 * the verdicts: what Coupa shows after that is what it shows after one run against an ERP that answers at once.
 */
abstract class ErpGuaranteeScenarios {

    /** SAP's supplier numbers are at most 10 characters: the REST ERP is told to refuse this one. */
    private static final String BLOCKED_SUPPLIER = "SUP-0666-BLOCKED";

    private final ExportJobHarness harness = new ExportJobHarness();

    private final ErpUnderTest erp;

    ErpGuaranteeScenarios(Function<ExportJobHarness, ErpUnderTest> erpUnderTest) {
        this.erp = erpUnderTest.apply(harness);
    }

    @AfterEach
    void stop() {
        erp.close();
        harness.close();
    }

    @Test
    void newPoReachesTheErpOnceIsMarkedExportedAndReportedAsASuccess() {
        // given
        harness.coupa.add(issued(1), issued(2));

        // when
        ExportJobHarness.RunResult result = run();

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.summary()).contains("status=COMPLETED", "exported=2", "failed=0", "exit=0");
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(erp.documentsFor("2")).isEqualTo(1);
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
        assertThat(harness.ledger()).allSatisfy(row -> assertThat(row).containsEntry("OUTCOME", "ACCEPTED")
            .containsEntry("ACTION", "CREATE").doesNotContainEntry("ERP_DOCUMENT_ID", null));
        assertThat(harness.coupa.integrationRuns()).last().satisfies(run -> assertThat(run)
            .containsEntry("status", "successful").containsEntry("records-processed", 2));
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("document-id") + " "
                + record.get("status")).containsExactlyInAnyOrder("1 Success", "2 Success");
        assertThat(harness.coupa.integrationErrors()).isEmpty();

        // and when the next run finds nothing new, the ERP is asked nothing again
        assertThat(run().summary()).contains("read=0", "exit=0");
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(erp.documentsFor("2")).isEqualTo(1);
    }

    @Test
    void documentTheErpAppliedWhoseAnswerWasLostIsNotAppliedAgainByTheNextRun() {
        // given an ERP that applies PO 1 and loses its answer, and a job that does not retry within the run
        harness.coupa.add(issued(1), issued(2), issued(3));
        erp.applyAndLoseTheAnswer("1");

        // when
        ExportJobHarness.RunResult first = runOnce(erp.maxRetries(0), "--export.concurrency=1");

        // then the job cannot know: PO 1 stays unexported and failed in Coupa, though the ERP holds it
        assertThat(first.exitCode()).as(first.output()).isEqualTo(3);
        assertThat(first.summary()).contains(erp.decidesLater() ? "queued=2" : "exported=2", "failed=1");
        assertThat(harness.coupa.exportedIds()).containsExactly(2L, 3L);
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(harness.coupa.integrationErrors()).singleElement().satisfies(error -> assertThat(error)
            .containsEntry("document-id", 1).containsEntry("resolved", false));

        // when
        ExportJobHarness.RunResult second = run(erp.maxRetries(0), "--export.concurrency=1");

        // then the ERP recognises what it holds, and PO 1 is exported, its error resolved, still one document
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L);
        assertThat(harness.coupa.integrationErrors()).singleElement()
            .satisfies(error -> assertThat(error).containsEntry("resolved", true));
    }

    @Test
    void passingFailuresAreRetriedAndThePoIsAppliedOnce() {
        // given an ERP busy for its next three calls
        harness.coupa.add(issued(1), issued(2));
        erp.failNextCalls(3);

        // when
        ExportJobHarness.RunResult result = run(erp.maxRetries(3), "--export.concurrency=1");

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.summary()).contains("exported=2", "failed=0");
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(erp.documentsFor("2")).isEqualTo(1);
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
        assertThat(harness.coupa.integrationErrors()).isEmpty();
    }

    @Test
    void poTheErpRejectsIsNotMarkedAndItsMessageIsReportedInCoupaWhileTheOthersAreExported() {
        // given
        String message = erp.rejectSupplier(BLOCKED_SUPPLIER);
        harness.coupa.add(issued(1), issued(2).supplier("Initech", BLOCKED_SUPPLIER), issued(3));

        // when
        ExportJobHarness.RunResult result = run();

        // then
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.summary()).contains("status=COMPLETED", "exported=2", "failed=1", "exit=3");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 3L);
        assertThat(erp.documentsFor("2")).isZero();
        assertThat(harness.ledger().get(1)).containsEntry("OUTCOME", "REJECTED");
        assertThat((String) harness.ledger().get(1).get("OUTCOME_MESSAGE")).startsWith("PO 2 was rejected by the ERP")
            .endsWith(message);
        assertThat(harness.coupa.integrationErrors()).singleElement().satisfies(error -> {
            assertThat(error).containsEntry("document-id", 2).containsEntry("alerted", true);
            assertThat(responseMessage(error)).endsWith(message);
        });
        assertThat(harness.coupa.integrationRuns()).last()
            .satisfies(run -> assertThat(run).containsEntry("status", "successful"));
    }

    @Test
    void refusedCredentialsStopTheRunWithExit2MarkingNothingUntilTheyAreFixed() {
        // given POs marked before they are sent, and an ERP that refuses the job's credentials
        harness.coupa.add(issued(1), issued(2));
        erp.refuseCredentials(true);

        // when
        ExportJobHarness.RunResult refused = run("--export.mark-exported=before-erp");

        // then nothing stays marked, no one is alerted per PO, and the run is failed in Coupa
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.summary()).contains("exit=2");
        assertThat(harness.coupa.exportedIds()).isEmpty();
        assertThat(erp.documentsFor("1")).isZero();
        assertThat(harness.coupa.integrationErrors()).isEmpty();
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "failed"));

        // and once the credentials are fixed, the same command exports each PO once
        erp.refuseCredentials(false);
        ExportJobHarness.RunResult fixed = run("--export.mark-exported=before-erp");
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(erp.documentsFor("2")).isEqualTo(1);
    }

    @Test
    void newVersionOfAnExportedPoChangesTheDocumentTheErpHoldsInsteadOfCreatingASecond() {
        // given PO 1 exported with 5 gloves
        harness.coupa.add(issued(1));
        assertThat(run().exitCode()).isZero();

        // when the buyer issues version 2 with 8
        harness.coupa.change(1, "2026-03-03T10:00:00-08:00", po -> {
            po.put("version", 2);
            orderLines(po).get(0).put("quantity", "8");
        });
        ExportJobHarness.RunResult result = run();

        // then
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(erp.documentsFor("1")).isEqualTo(1);
        assertThat(erp.quantityHeld("1", "1")).isEqualByComparingTo("8");
        assertThat(harness.ledger()).extracting(row -> row.get("ACTION") + " " + row.get("OUTCOME"))
            .containsExactly("CREATE ACCEPTED", "UPDATE ACCEPTED");
        assertThat(harness.coupa.isExported(1)).isTrue();
        assertThat(harness.coupa.historyRecords()).extracting(record -> record.get("status"))
            .containsExactly("Success", "Success");
    }

    /** A run; against an ERP that decides later, followed by its import and the run that reads the verdicts. */
    private ExportJobHarness.RunResult run(String... extra) {
        ExportJobHarness.RunResult result = runOnce(extra);
        if (!erp.decidesLater() || result.exitCode() == 2) {
            return result;
        }
        erp.importQueued();
        return runOnce(extra);
    }

    private ExportJobHarness.RunResult runOnce(String... extra) {
        List<String> arguments = new ArrayList<>(erp.settings());
        arguments.addAll(List.of(extra));
        return harness.run(arguments.toArray(String[]::new));
    }

    /** One line of 5 gloves, with values every adapter can take (SAP's payment term and G/L account lengths). */
    private static CoupaPo issued(long id) {
        return po(id).paymentTerm("NT45")
            .line(Line.quantity(id * 10, "1", "Safety gloves, L", "5", "4.00", "EA").account("61000000"));
    }

    @SuppressWarnings("unchecked")
    private static String responseMessage(Map<String, Object> record) {
        return String.valueOf(((List<Map<String, Object>>) record.get("responses")).get(0).get("response-message"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orderLines(Map<String, Object> po) {
        return (List<Map<String, Object>>) po.get("order-lines");
    }
}
