package io.github.coupapoexport;

import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Go-live (issue 13, point 6): Coupa holds 20 old POs never marked exported, which the ERP holds already (keyed in by
 * hand), and 3 new ones. {@code baseline --before=2026-01-01} marks the 20 without sending them; {@code run} then
 * exports only the 3, and a later version of a baselined PO reaches the REST ERP as an UPDATE.
 */
class BaselineFunctionalTests {

    private static final String BEFORE = "--before=2026-01-01";

    private final ExportJobHarness harness = new ExportJobHarness();

    private final CoupaCreatedBeforeFront front = new CoupaCreatedBeforeFront(harness.coupa);

    @BeforeEach
    void purchaseOrders() {
        harness.coupa.add(CoupaPo.numbered(23));
        for (long id = 1; id <= 23; id++) {
            // Ids grow with creation, as in Coupa: 1..20 from 2024, 21..23 from after go-live.
            harness.coupa.purchaseOrder(id).put("created-at", id <= 20 ? "2024-05-%02dT09:00:00-07:00".formatted(id)
                    : "2026-02-%02dT09:00:00+01:00".formatted(id - 20));
        }
    }

    @AfterEach
    void stop() {
        front.shutDown();
        harness.close();
    }

    @Test
    void dryRunCountsThenBaselineMarksTheOldPosWithoutSendingAndRunExportsOnlyTheNewOnes() {
        // when
        ExportJobHarness.RunResult dryRun = run("baseline", BEFORE, "--dry-run");

        // then it counts the 20 old POs and changes nothing
        assertThat(dryRun.exitCode()).as(dryRun.output()).isZero();
        assertThat(dryRun.output()).contains("coupa-po-export: baseline dry-run would mark 20 before=2026-01-01T00:00:00Z "
                + "exit=0");
        assertThat(marks()).isEmpty();
        assertThat(harness.coupa.exportedIds()).isEmpty();
        assertThat(harness.ledger()).isEmpty();

        // and when the baseline runs
        ExportJobHarness.RunResult baseline = run("baseline", BEFORE);

        // then the 20 are marked exported, each once, recorded as baselined, and the ERP received nothing
        assertThat(baseline.exitCode()).as(baseline.output()).isZero();
        assertThat(baseline.output()).contains("coupa-po-export: baseline marked=20 changed-meanwhile=0 "
                + "before=2026-01-01T00:00:00Z exit=0");
        assertThat(harness.coupa.exportedIds()).containsExactlyElementsOf(ids(1, 20));
        assertThat(marks()).hasSize(20).doesNotHaveDuplicates();
        assertThat(harness.erp.received()).isEmpty();
        assertThat(harness.ledger()).hasSize(20).allSatisfy(row -> {
            assertThat(row.get("OUTCOME")).isEqualTo("BASELINED");
            assertThat(row.get("COUPA_MARK")).isEqualTo("MARKED");
            assertThat(row.get("DOCUMENT")).isNull();
        });

        // and when the first scheduled run comes
        ExportJobHarness.RunResult run = run();

        // then only the 3 new POs reach the ERP, as creates, and Coupa's monitoring heard of those 3 only
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.summary()).contains("read=3", "exported=3", "failed=0");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactlyInAnyOrder("21", "22", "23");
        assertThat(harness.erp.received()).extracting(Received::action).containsOnly("CREATE");
        assertThat(harness.coupa.historyRecords()).hasSize(3);
    }

    @Test
    void laterVersionOfABaselinedPoReachesTheErpAsAnUpdateWithTheLineItNoLongerHasDeleted() {
        // given the old POs baselined, and a buyer who issues version 2 of PO 5 with its line replaced by another
        assertThat(run("baseline", BEFORE).exitCode()).isZero();
        harness.coupa.change(5, "2026-03-10T10:00:00-08:00", po -> {
            po.put("version", 2);
            CoupaPo carrier = CoupaPo.po(0).line(CoupaPo.Line.quantity(501, "2", "Item 5, bigger", "2", "12.00", "EA"));
            po.put("order-lines", carrier.json().get("order-lines"));
        });

        // when
        ExportJobHarness.RunResult run = run();

        // then the ERP gets an UPDATE of PO 5, never a CREATE, with line 1 deleted with the values it was baselined with
        assertThat(run.exitCode()).as(run.output()).isZero();
        List<Received> po5 = harness.erp.received().stream().filter(received -> received.poNumber().equals("5"))
            .toList();
        assertThat(po5).extracting(Received::action).containsExactly("UPDATE");
        JsonNode lines = po5.get(0).document().get("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).get("coupaLineId").asLong()).isEqualTo(501);
        assertThat(lines.get(0).get("deleted").asBoolean()).isFalse();
        assertThat(lines.get(1).get("coupaLineId").asLong()).isEqualTo(500);
        assertThat(lines.get(1).get("deleted").asBoolean()).isTrue();
        assertThat(lines.get(1).get("description").asString()).isEqualTo("Item 5");
        assertThat(lines.get(1).get("quantity").asString()).isEqualTo("1");
        assertThat(harness.coupa.isExported(5)).isTrue();
    }

    @Test
    void poChangedWhileTheBaselineMarksItIsPutBackAndExportedByTheNextRun() {
        // given a buyer who issues version 2 of PO 7 after the baseline read it and before it marks it
        front.onFilteredPage(() -> {
            if (harness.coupa.purchaseOrder(7).get("version").equals(1)) {
                harness.coupa.change(7, "2026-03-11T10:00:00-08:00", po -> po.put("version", 2));
            }
        });

        // when
        ExportJobHarness.RunResult baseline = run("baseline", BEFORE);

        // then PO 7 is put back, named and counted apart, and still held by the ERP (keyed in by hand) as read
        assertThat(baseline.exitCode()).as(baseline.output()).isZero();
        assertThat(baseline.output()).contains("coupa-po-export: baseline marked=19 changed-meanwhile=1 ")
            .contains("PO 7 moved from version 1 (issued) to version 2 (issued) in Coupa while the baseline marked it");
        assertThat(harness.coupa.isExported(7)).isFalse();
        assertThat(row(7).get("OUTCOME")).isEqualTo("BASELINED");

        // and the next run exports it with the new POs
        front.onFilteredPage(() -> {
        });
        ExportJobHarness.RunResult run = run();
        assertThat(run.summary()).contains("read=4", "exported=4");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactlyInAnyOrder("7", "21", "22", "23");
        // the ERP holds PO 7 from before go-live: its version 2 is an UPDATE, a CREATE would post it a second time
        assertThat(harness.erp.received()).filteredOn(received -> received.poNumber().equals("7"))
            .extracting(Received::action).containsExactly("UPDATE");
        assertThat(harness.coupa.exportedIds()).hasSize(23);
    }

    @Test
    void baselineFailingOnPageTwoExitsOneAndItsRerunFinishesWithEveryPoMarkedOnce() {
        // given Coupa answering 500 to every try of the second page (5 POs a page)
        StubMapping failing = front.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders"))
            .withQueryParam("created-at[lt]", WireMock.matching(".+"))
            .withQueryParam("id[gt]", WireMock.equalTo("5"))
            .atPriority(1)
            .willReturn(WireMock.aResponse().withStatus(500).withBody("<html>Internal Server Error</html>")));

        // when
        ExportJobHarness.RunResult failed = run("baseline", BEFORE, "--coupa.page-size=5");

        // then the run fails with the checkpoint after page one
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.output()).contains("coupa-po-export: baseline marked=5 changed-meanwhile=0 ")
            .contains("exit=1 reason=");
        assertThat(harness.coupa.exportedIds()).containsExactlyElementsOf(ids(1, 5));

        // and a scheduled run refuses to start while the baseline is unfinished: it would flood the ERP with creates
        ExportJobHarness.RunResult early = run();
        assertThat(early.exitCode()).as(early.output()).isEqualTo(2);
        assertThat(early.output()).contains("the baseline (execution 1, before=2026-01-01T00:00:00Z) ended FAILED; run "
                + "baseline --before=2026-01-01T00:00:00Z again until it exits 0 before exporting");
        assertThat(harness.erp.received()).isEmpty();

        // and when Coupa is back and the same command runs again
        front.server().removeStub(failing);
        ExportJobHarness.RunResult rerun = run("baseline", BEFORE, "--coupa.page-size=5");

        // then it resumes after page one: every old PO marked exactly once, none lost, the new ones untouched
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("coupa-po-export: baseline marked=20 changed-meanwhile=0 ");
        assertThat(marks()).hasSize(20).doesNotHaveDuplicates();
        assertThat(harness.coupa.exportedIds()).containsExactlyElementsOf(ids(1, 20));
        assertThat(harness.database().queryForObject("SELECT COUNT(DISTINCT JOB_EXECUTION_ID) FROM EXPORT_LEDGER",
                Integer.class)).isEqualTo(2);
        assertThat(run().summary()).contains("read=3", "exported=3");
    }

    @Test
    void markWhoseAnswerIsLostIsFinishedByTheRerunBeforeAnyPoIsRead() {
        // given Coupa applying every mark of PO 3 and cutting the connection before answering
        harness.coupa.cutMarkAnswers(3);

        // when
        ExportJobHarness.RunResult failed = run("baseline", BEFORE);

        // then the run fails, and the ledger holds PO 3's intent, recorded before the mark
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(row(3).get("OUTCOME")).isEqualTo("BASELINED");
        assertThat(row(3).get("COUPA_MARK")).isNull();

        // and when Coupa answers again and the same command runs
        harness.coupa.cutMarkAnswers(-1);
        ExportJobHarness.RunResult rerun = run("baseline", BEFORE);

        // then PO 3 is marked and counted, with every other old PO
        assertThat(rerun.exitCode()).as(rerun.output()).isZero();
        assertThat(rerun.output()).contains("coupa-po-export: baseline marked=20 changed-meanwhile=0 ");
        assertThat(row(3).get("COUPA_MARK")).isEqualTo("MARKED");
        assertThat(harness.coupa.exportedIds()).containsExactlyElementsOf(ids(1, 20));
    }

    @Test
    void markCoupaRefusesLeavesThePoBaselinedExitsThreeAndTheNextRunOnlyMarksIt() {
        // given Coupa refusing to mark PO 9 exported (its validation of the PO)
        StubMapping refusing = front.server().stubFor(WireMock.put(WireMock.urlPathEqualTo("/api/purchase_orders/9"))
            .withQueryParam("exported", WireMock.equalTo("true"))
            .atPriority(1)
            .willReturn(WireMock.aResponse().withStatus(422)
                .withBody("{\"errors\":{\"order_header\":[\"Ship to address is not valid\"]}}")));

        // when
        ExportJobHarness.RunResult baseline = run("baseline", BEFORE);

        // then
        assertThat(baseline.exitCode()).as(baseline.output()).isEqualTo(3);
        assertThat(baseline.output()).contains("coupa-po-export: Coupa refused to mark PO 9 exported")
            .contains("coupa-po-export: baseline marked=19 changed-meanwhile=0 refused=1 before=2026-01-01T00:00:00Z "
                    + "exit=3");
        assertThat(harness.coupa.isExported(9)).isFalse();
        assertThat(row(9).get("OUTCOME")).isEqualTo("BASELINED");

        // and when Coupa takes the mark again, the next run only marks PO 9: the ERP is taken to hold it
        front.server().removeStub(refusing);
        ExportJobHarness.RunResult run = run();
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.summary()).contains("read=4", "exported=3", "skipped=1");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactlyInAnyOrder("21", "22", "23");
        assertThat(harness.coupa.exportedIds()).hasSize(23);
    }

    @Test
    void baselineWithoutADateOrWithAnUnreadableOneExitsTwoBeforeAnythingStarts() {
        assertThat(run("baseline").output()).contains("baseline needs --before=DATE");
        ExportJobHarness.RunResult unreadable = run("baseline", "--before=01/01/2026");
        assertThat(unreadable.exitCode()).isEqualTo(2);
        assertThat(unreadable.output()).contains("--before must be an ISO date such as 2026-01-01");
        assertThat(harness.coupaRequests()).isEmpty();
    }

    private ExportJobHarness.RunResult run(String... arguments) {
        String[] all = new String[arguments.length + 1];
        System.arraycopy(arguments, 0, all, 0, arguments.length);
        all[arguments.length] = "--coupa.base-url=" + front.baseUrl();
        return harness.run(all);
    }

    /** The ids of the PUTs that marked a PO exported, in the order Coupa received them. */
    private List<String> marks() {
        return harness.coupaRequests().stream().map(ServeEvent::getRequest)
            .filter(request -> request.getMethod().getName().equals("PUT"))
            .filter(request -> request.getUrl().contains("exported=true"))
            .map(request -> request.getUrl().split("\\?")[0])
            .toList();
    }

    private Map<String, Object> row(long coupaId) {
        return harness.ledger().stream().filter(row -> ((Number) row.get("COUPA_ID")).longValue() == coupaId)
            .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no ledger row of PO " + coupaId));
    }

    private static List<Long> ids(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }
}
