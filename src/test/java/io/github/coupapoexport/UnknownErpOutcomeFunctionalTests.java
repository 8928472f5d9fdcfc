package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Applied;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An ERP that applies a document and then times out leaves its outcome unknown. That snapshot is resent under its
 * own key before any later snapshot of the PO, so CREATE or UPDATE and the deleted lines are always computed from what
 * the ERP really holds, and the ERP never applies two CREATEs for one PO.
 */
class UnknownErpOutcomeFunctionalTests {

    private static final String[] SLOW_ERP = {"--erp.read-timeout=2s", "--erp.retry.max-retries=1"};

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(po(1).line(Line.quantity(11, "1", "Gloves", "1", "5.00", "EA")),
                po(2).line(Line.quantity(21, "1", "Helmets", "2", "30.00", "EA"))
                    .line(Line.quantity(22, "2", "Boots", "2", "80.00", "EA")),
                po(3).line(Line.quantity(31, "1", "Vests", "4", "12.00", "EA")));
        // Coupa moves updated-at on every update, the job's own marks and status fields included.
        harness.coupa.updatedAtMovesOnMark(true);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void snapshotWhoseOutcomeIsUnknownIsResolvedBeforeTheNextVersionSoTheErpNeverGetsASecondCreate() {
        // given an ERP that applies PO 2 but answers too late, every time
        harness.erp.applyThenTimeOut("2", 2);
        ExportJobHarness.RunResult first = harness.run(SLOW_ERP);
        assertThat(first.exitCode()).as(first.output()).isEqualTo(3);
        assertThat(harness.coupa.isExported(2)).isFalse();

        // and a buyer who then issues version 2 without line 2
        harness.coupa.change(2, "2026-03-05T08:00:00-08:00", po -> {
            po.put("version", 2);
            orderLines(po).removeIf(line -> line.get("id").equals(22L));
        });

        // when
        ExportJobHarness.RunResult second = harness.run(SLOW_ERP);

        // then version 1 is resolved first (the ERP says it has it), and version 2 goes out as an update that deletes
        // line 2 with the values the ERP holds for it
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(appliedFor("2")).extracting(Applied::action).containsExactly("CREATE", "UPDATE");
        JsonNode update = appliedFor("2").get(1).document();
        assertThat(update.get("revision").asInt()).isEqualTo(2);
        assertThat(update.get("lines")).hasSize(2);
        JsonNode deleted = update.get("lines").get(1);
        assertThat(deleted.get("coupaLineId").asLong()).isEqualTo(22);
        assertThat(deleted.get("deleted").asBoolean()).isTrue();
        assertThat(deleted.get("type").asString()).isEqualTo("QUANTITY");
        assertThat(deleted.get("description").asString()).isEqualTo("Boots");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void inCustomFieldModeTheStatusFieldNeverTurnsAnUnknownOutcomeIntoASecondCreate() {
        // given an ERP that applies PO 2 but answers too late, and the status field written with the error, which
        // moves the PO's updated-at and so the key of its next read
        harness.erp.applyThenTimeOut("2", 2);
        ExportJobHarness.RunResult first = harness.run(withSlowErp("--coupa.monitoring.mode=custom-field"));
        assertThat(first.exitCode()).as(first.output()).isEqualTo(3);
        assertThat(String.valueOf(harness.coupa.statusFields().get(2L))).startsWith("Error ");
        String firstKey = received("2").get(0).idempotencyKey();

        // when
        ExportJobHarness.RunResult second = harness.run(withSlowErp("--coupa.monitoring.mode=custom-field"));

        // then the snapshot is resent under its own key, found applied, and only marked: one CREATE in the ERP
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(received("2")).extracting(Received::idempotencyKey).containsOnly(firstKey);
        assertThat(appliedFor("2")).extracting(Applied::action).containsExactly("CREATE");
        assertThat(harness.coupa.isExported(2)).isTrue();
        assertThat(String.valueOf(harness.coupa.statusFields().get(2L))).startsWith("Success ");
    }

    @Test
    void erpRefusingTheCredentialsStopsTheRunAtOnceWithExit2AndMarksNothing() {
        // given
        harness.erp.answerEveryDocument(401, "application/json", "{\"error\": \"invalid_token\"}");

        // when
        ExportJobHarness.RunResult refused = harness.run("--export.mark-exported=before-erp");

        // then
        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
        assertThat(refused.summary()).contains("exit=2", "401");
        assertThat(harness.coupa.exportedIds()).isEmpty();
        assertThat(harness.coupa.integrationErrors()).isEmpty();
        assertThat(harness.coupa.integrationRuns()).singleElement()
            .satisfies(run -> assertThat(run).containsEntry("status", "failed"));

        // and once the credentials are fixed, the same command exports everything, each PO applied once
        harness.erp.answerNormally();
        ExportJobHarness.RunResult fixed = harness.run("--export.mark-exported=before-erp");
        assertThat(fixed.exitCode()).as(fixed.output()).isZero();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L);
        assertThat(harness.erp.applied()).extracting(Applied::poNumber).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void htmlPageAnswered200IsNotAnAcceptance() {
        // given a single sign-on page in front of the ERP
        harness.erp.answerEveryDocument(200, "text/html", "<html><body>Sign in to continue</body></html>");

        // when
        ExportJobHarness.RunResult blocked = harness.run("--export.concurrency=1");

        // then nothing counts as exported, and nothing is marked
        assertThat(blocked.exitCode()).as(blocked.output()).isEqualTo(1);
        assertThat(blocked.summary()).contains("exported=0", "The ERP did not answer for POs 1, 2, 3");
        assertThat(harness.coupa.exportedIds()).isEmpty();

        // and when the page is gone, every PO is applied once
        harness.erp.answerNormally();
        assertThat(harness.run().exitCode()).isZero();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L);
        assertThat(harness.erp.applied()).extracting(Applied::poNumber).containsExactlyInAnyOrder("1", "2", "3");
    }

    private List<Applied> appliedFor(String poNumber) {
        return harness.erp.applied().stream().filter(applied -> applied.poNumber().equals(poNumber)).toList();
    }

    private List<Received> received(String poNumber) {
        return harness.erp.received().stream().filter(received -> received.poNumber().equals(poNumber)).toList();
    }

    private static String[] withSlowErp(String argument) {
        return new String[] {SLOW_ERP[0], SLOW_ERP[1], argument};
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orderLines(Map<String, Object> po) {
        return (List<Map<String, Object>>) po.get("order-lines");
    }
}
