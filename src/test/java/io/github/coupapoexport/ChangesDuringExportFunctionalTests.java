package io.github.coupapoexport;

import java.util.List;
import java.util.Map;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A buyer changes, cancels or closes a PO while the job is exporting it. Coupa resets {@code exported} for a new
 * version, but a mark that comes after the change would set it on the new version; the job must notice and put the PO
 * back, so that its current snapshot reaches the ERP.
 */
class ChangesDuringExportFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(6));
        // Coupa moves updated-at on every update, the job's own mark included.
        harness.coupa.updatedAtMovesOnMark(true);
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void newVersionIssuedWhileTheErpHoldsTheOldOneIsExportedByTheNextRun() {
        // given a buyer who issues version 2 of PO 4 (line 2 added) while the ERP is taking version 1
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 4 && document.get("revision").asInt() == 1) {
                harness.coupa.change(4, "2026-03-03T10:00:00-08:00", po -> {
                    po.put("version", 2);
                    orderLines(po).add(line(402, "2", "Item 4, more", "3"));
                });
            }
        });

        // when
        ExportJobHarness.RunResult first = harness.run();

        // then version 1 went to the ERP, and Coupa shows PO 4 not exported, with the reason in the ledger
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(harness.coupa.isExported(4)).isFalse();
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L, 3L, 5L, 6L);
        assertThat(row("coupa-4-1-")).satisfies(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED");
            assertThat(row.get("COUPA_MARK")).isEqualTo("UNMARKED");
            assertThat((String) row.get("COUPA_MARK_MESSAGE")).contains("PO 4 moved from version 1 (issued) to version 2 "
                    + "(issued) in Coupa while it was being exported; put back to not exported");
        });

        // and when the next run comes
        ExportJobHarness.RunResult second = harness.run();

        // then version 2 reaches the ERP as an update with its new line, and every PO ends exported
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.summary()).contains("read=1", "exported=1");
        Received update = last(harness.erp.received(), "4");
        assertThat(update.action()).isEqualTo("UPDATE");
        assertThat(update.document().get("revision").asInt()).isEqualTo(2);
        assertThat(update.document().get("lines")).hasSize(2);
        assertThat(harness.coupa.exportedIds()).hasSize(6);

        // and a third run finds nothing: the job's own marks never bring a PO back
        assertThat(harness.run().summary()).contains("read=0");
    }

    @Test
    void cancellationWhileTheErpHoldsTheIssuedPoReachesTheErpAsACancel() {
        // given a buyer who cancels PO 2 while the ERP is taking it (no new version: only the status moves)
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 2 && "CREATE".equals(document.get("action").asString())) {
                harness.coupa.change(2, "2026-03-03T11:00:00-08:00", po -> po.put("status", "cancelled"));
                harness.coupa.purchaseOrder(2).put("exported", false);
            }
        });

        // when
        harness.run();
        ExportJobHarness.RunResult second = harness.run();

        // then
        assertThat(second.summary()).contains("read=1", "exported=1");
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("2"))
            .extracting(Received::action).containsExactly("CREATE", "CANCEL");
        assertThat(harness.coupa.isExported(2)).isTrue();
    }

    @Test
    void inBeforeErpModeAPoChangedBeforeItsMarkIsNotSentStaleAndItsNewVersionFollows() {
        // given Coupa's documented order (mark, then send), one PO at a time, and a buyer who issues version 2 of PO 5
        // while the ERP is taking PO 4, after the job read both
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 4) {
                harness.coupa.change(5, "2026-03-03T12:00:00-08:00", po -> po.put("version", 2));
            }
        });

        // when
        ExportJobHarness.RunResult first = harness.run("--export.mark-exported=before-erp", "--export.concurrency=1");

        // then version 1 of PO 5 was never sent: it was put back and recorded as superseded
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactly("1", "2", "3", "4", "6");
        assertThat(harness.coupa.isExported(5)).isFalse();
        assertThat(row("coupa-5-1-").get("OUTCOME")).isEqualTo("SUPERSEDED");

        // and the next run sends version 2
        ExportJobHarness.RunResult second = harness.run("--export.mark-exported=before-erp");
        assertThat(second.summary()).contains("read=1", "exported=1");
        assertThat(last(harness.erp.received(), "5").document().get("revision").asInt()).isEqualTo(2);
        assertThat(harness.coupa.exportedIds()).hasSize(6);
    }

    @Test
    void replayOfAPoThatChangesDuringTheReplayLeavesItForTheNextRun() {
        // given every PO exported, then an operator replaying PO 3 while a buyer issues version 2 of it
        assertThat(harness.run().exitCode()).isZero();
        harness.erp.beforeAnswering(document -> {
            if (document.get("coupaId").asLong() == 3 && document.get("revision").asInt() == 1) {
                harness.coupa.change(3, "2026-03-04T09:00:00-08:00", po -> po.put("version", 2));
            }
        });

        // when
        ExportJobHarness.RunResult replay = harness.run("--po=3");

        // then the replayed version 1 is in the ERP, and Coupa offers version 2 to the next run
        assertThat(replay.exitCode()).as(replay.output()).isZero();
        assertThat(harness.coupa.isExported(3)).isFalse();
        ExportJobHarness.RunResult next = harness.run();
        assertThat(next.summary()).contains("read=1", "exported=1");
        assertThat(last(harness.erp.received(), "3").document().get("revision").asInt()).isEqualTo(2);
        assertThat(harness.coupa.isExported(3)).isTrue();
    }

    private Map<String, Object> row(String keyPrefix) {
        return harness.ledger().stream().filter(row -> ((String) row.get("IDEMPOTENCY_KEY")).startsWith(keyPrefix))
            .findFirst().orElseThrow(() -> new AssertionError("no ledger row " + keyPrefix + "* in " + harness.ledger()));
    }

    private static Received last(List<Received> received, String poNumber) {
        return received.stream().filter(document -> document.poNumber().equals(poNumber)).reduce((a, b) -> b)
            .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> orderLines(Map<String, Object> po) {
        return (List<Map<String, Object>>) po.get("order-lines");
    }

    private static Map<String, Object> line(long id, String lineNum, String description, String quantity) {
        CoupaPo carrier = po(0).line(Line.quantity(id, lineNum, description, quantity, "10.00", "EA"));
        return orderLines(carrier.json()).get(0);
    }
}
