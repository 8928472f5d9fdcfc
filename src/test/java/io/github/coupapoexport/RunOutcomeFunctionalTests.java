package io.github.coupapoexport;

import java.util.List;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** What the summary, the progress lines and the exit code tell of a run, counted from what really happened. */
class RunOutcomeFunctionalTests {

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void resumedExecutionExits3WhenAPoRejectedBeforeTheFailureIsStillUnexported() {
        // given a run that rejected PO 1, exported PO 2, and failed on Coupa before PO 3
        harness.coupa.add(po(1).supplier("Globex", null).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).line(Line.amount(31, "1", "Consulting", "100.00")));
        StubMapping selectionFails = harness.coupa.server().stubFor(WireMock.get(
                WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .withQueryParam("id[gt]", WireMock.equalTo("2"))
            .willReturn(aResponse().withStatus(400).withBody("bad request")));
        ExportJobHarness.RunResult failed = harness.run("--coupa.page-size=1");
        assertThat(failed.exitCode()).as(failed.output()).isEqualTo(1);
        assertThat(failed.summary()).contains("read=2", "exported=1", "failed=1");

        // when the scheduler reruns it once Coupa answers again
        harness.coupa.server().removeStub(selectionFails);
        ExportJobHarness.RunResult resumed = harness.run("--coupa.page-size=1");

        // then the job instance as a whole exported two POs and rejected one
        assertThat(resumed.exitCode()).as(resumed.output()).isEqualTo(3);
        assertThat(resumed.summary()).contains("status=COMPLETED", "read=3", "exported=2", "failed=1", "skipped=0",
                "exit=3");
        assertThat(harness.coupa.exportedIds()).containsExactly(2L, 3L);

        // and status still shows what each execution did
        ExportJobHarness.RunResult status = harness.run("status");
        assertThat(status.output().lines().filter(line -> line.matches("\\d+ .*")).map(line -> line.split("\\s+")))
            .extracting(columns -> String.join(" ", columns[0], columns[1], columns[6], columns[7], columns[8],
                    columns[9]))
            .containsExactly("2 COMPLETED 1 1 0 0", "1 FAILED 2 1 1 0");
    }

    @Test
    void runWithARejectedPoEndsCompletedWithRejectionsInTheJobRepositoryAndStatusShowsTheExitCodeItReturned() {
        // given PO 2 without a supplier number, which the mapping rejects
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult run = harness.run();
        ExportJobHarness.RunResult status = harness.run("status");

        // then the process, the job repository and status tell the same outcome
        assertThat(run.exitCode()).as(run.output()).isEqualTo(3);
        assertThat(run.summary()).contains("execution=1 status=COMPLETED", "exit=3");
        assertThat(harness.database().queryForList("SELECT STATUS, EXIT_CODE FROM BATCH_JOB_EXECUTION "
                + "WHERE JOB_EXECUTION_ID = 1")).singleElement()
            .satisfies(row -> assertThat(row).containsEntry("STATUS", "COMPLETED")
                .containsEntry("EXIT_CODE", "COMPLETED_WITH_REJECTIONS"));
        assertThat(status.output().lines().filter(line -> line.matches("\\d+ .*")).map(line -> line.split("\\s+")))
            .extracting(columns -> String.join(" ", columns[0], columns[1], columns[columns.length - 2],
                    columns[columns.length - 1]))
            .containsExactly("1 COMPLETED COMPLETED_WITH_REJECTIONS 3");

        // and status --json tells the same to a script
        ExportJobHarness.RunResult json = harness.run("status", "--json");
        JsonNode executions = JsonMapper.builder().build().readTree(json.output().substring(json.output().indexOf('[')));
        assertThat(executions).singleElement().satisfies(execution -> {
            assertThat(execution.get("execution").asLong()).isOne();
            assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(execution.get("read").asLong()).isEqualTo(2);
            assertThat(execution.get("exported").asLong()).isOne();
            assertThat(execution.get("failed").asLong()).isOne();
            assertThat(execution.get("exit-status").asString()).isEqualTo("COMPLETED_WITH_REJECTIONS");
            assertThat(execution.get("exit").asInt()).isEqualTo(3);
            assertThat(execution.get("start").asString()).matches("\\d{4}-\\d{2}-\\d{2}T.*");
        });
    }

    @Test
    void resumedExecutionExits3ForAPoRejectedInBeforeErpModeInsideTheChunkThatFailed() {
        // given Coupa's documented order: PO 2 marked, then rejected by the ERP; then Coupa failing on PO 3's mark,
        // which fails the chunk, so that PO 2, already marked, is never read again
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", "SUP-BLOCKED").line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).line(Line.amount(31, "1", "Consulting", "100.00")));
        harness.erp.rejectSupplier("SUP-BLOCKED", "supplier SUP-BLOCKED is blocked");
        StubMapping markFails = harness.coupa.server().stubFor(WireMock.put(
                WireMock.urlPathEqualTo("/api/purchase_orders/3")).atPriority(1)
            .willReturn(aResponse().withStatus(503)));
        String[] beforeErp = {"--export.mark-exported=before-erp", "--export.concurrency=1"};
        assertThat(harness.run(beforeErp).exitCode()).isEqualTo(1);

        // when
        harness.coupa.server().removeStub(markFails);
        ExportJobHarness.RunResult resumed = harness.run(beforeErp);

        // then the scheduler hears of the rejection
        assertThat(resumed.exitCode()).as(resumed.output()).isEqualTo(3);
        assertThat(resumed.summary()).contains("status=COMPLETED", "failed=1", "exit=3");
    }

    @Test
    void poTheErpNeverAnsweredThatGoesThroughLaterInTheSameRunIsNotCountedAsFailed() {
        // given PO 2 left unanswered by an earlier run
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).line(Line.amount(21, "1", "Consulting", "100.00")));
        StubMapping erpDown = harness.erp.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/purchase-orders"))
            .atPriority(1).withRequestBody(WireMock.matchingJsonPath("$.coupaId", WireMock.equalTo("2")))
            .willReturn(aResponse().withStatus(503)));
        assertThat(harness.run().exitCode()).isEqualTo(3);
        harness.erp.server().removeStub(erpDown);

        // and an ERP that is still busy for PO 2 while the next run's first step resends it (three tries), and takes
        // it when the export step reads it again
        String state = "Started";
        for (int attempt = 1; attempt <= 3; attempt++) {
            harness.erp.server().stubFor(WireMock.post(WireMock.urlPathEqualTo("/purchase-orders")).atPriority(1)
                .withRequestBody(WireMock.matchingJsonPath("$.coupaId", WireMock.equalTo("2")))
                .inScenario("busy for PO 2").whenScenarioStateIs(state).willSetStateTo("503 #" + attempt)
                .willReturn(aResponse().withStatus(503)));
            state = "503 #" + attempt;
        }

        // when
        ExportJobHarness.RunResult next = harness.run();

        // then the run that exported it does not count it as failed as well
        assertThat(next.exitCode()).as(next.output()).isZero();
        assertThat(next.summary()).contains("exported=1", "failed=0", "exit=0");
        assertThat(harness.coupa.exportedIds()).containsExactly(1L, 2L);
    }

    @Test
    void replayOfPoNumbersCoupaDoesNotReturnNamesEachAndExits2() {
        // given
        harness.coupa.add(po(4821).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(4822).line(Line.amount(21, "1", "Consulting", "100.00")));

        // when an operator mistypes two of three numbers
        ExportJobHarness.RunResult result = harness.run("--po=4821,4832,48211");

        // then the PO that exists is replayed, and each number Coupa did not return is named before the summary
        assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
        List<String> lines = result.output().lines().filter(line -> line.startsWith("coupa-po-export:")).toList();
        assertThat(lines).containsSubsequence(
                "coupa-po-export: PO 4832 not found: Coupa returned no PO with this number in the selected statuses "
                        + "(coupa.statuses)",
                "coupa-po-export: PO 48211 not found: Coupa returned no PO with this number in the selected statuses "
                        + "(coupa.statuses)",
                result.summary());
        assertThat(result.summary()).contains("status=COMPLETED", "read=1", "exported=1", "exit=2", "replay po=");
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactly("4821");
    }

    @Test
    void lastProgressLineOfAOneChunkRunCountsEveryPoOfTheChunk() {
        // given five POs in one page, one of them invalid
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).supplier("Globex", null).line(Line.amount(31, "1", "Consulting", "100.00")),
                po(4).line(Line.amount(41, "1", "Consulting", "100.00")),
                po(5).line(Line.amount(51, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.output()).contains("5 of 5 POs done (100%)", "about 0s to go; exported 4, failed 1, skipped 0");
    }
}
