package io.github.coupapoexport;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.github.coupapoexport.sandbox.CoupaPo;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 120 POs, pages of 50, POs leaving Coupa's selection as they are marked exported; run against each job repository
 * database the product supports.
 */
abstract class PagingAndRestartScenarios {

    private ExportJobHarness harness;

    abstract JobRepositoryDatabase jobRepository();

    @BeforeEach
    void hundredAndTwentyPurchaseOrders() {
        harness = new ExportJobHarness(jobRepository());
        harness.coupa.add(CoupaPo.numbered(120));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void everyPoIsExportedAndPostedOnceWhilePagingByIdCursor() {
        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=50");

        // then
        assertThat(result.exitCode()).isZero();
        assertThat(result.summary()).contains("read=120", "exported=120", "failed=0");
        assertThat(harness.coupa.exportedIds()).hasSize(120);
        assertThat(postsPerPo()).hasSize(120).allSatisfy((po, posts) -> assertThat(posts).isEqualTo(1L));
        // a short third page ends the selection without asking again
        assertThat(selectionCursors()).containsExactly("0", "50", "100");
    }

    @Test
    void failedRunResumesFromItsCheckpointWithoutReadingOrPostingCommittedPosAgain() {
        // given an ERP that resets every connection from PO 70 on
        StubMapping outage = harness.erp.server().stubFor(post(urlPathEqualTo("/purchase-orders")).atPriority(1)
            .withRequestBody(WireMock.matchingJsonPath("$.coupaId", WireMock.matching("(7[0-9]|[89][0-9]|1[0-9][0-9])")))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        // when (one PO at a time, so that "three in a row" names exactly 70, 71 and 72)
        ExportJobHarness.RunResult failed = harness.run("--coupa.page-size=50", "--export.concurrency=1");

        // then the job fails, resumable, once three POs in a row found the ERP down
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.summary()).contains("status=FAILED", "exported=69", "failed=3", "exit=1")
            .contains("The ERP did not answer for POs 70, 71, 72 in a row");
        assertThat(harness.coupa.exportedIds()).hasSize(69);
        assertThat(harness.ledger()).filteredOn(row -> "ERP_UNREACHABLE".equals(row.get("OUTCOME")))
            .extracting(row -> row.get("COUPA_ID")).containsExactly(70L, 71L, 72L);
        int selectionsBeforeResume = harness.selectionRequests().size();

        // when the ERP is back and the scheduler reruns the same command
        harness.erp.server().removeStub(outage);
        ExportJobHarness.RunResult resumed = harness.run("--coupa.page-size=50");

        // then the same job instance first resends the POs the ERP never answered, under their own keys, then resumes
        // after the checkpoint (id 50) and finishes the rest
        assertThat(resumed.exitCode()).isZero();
        // (the summary counts the whole job instance)
        assertThat(resumed.summary()).contains("execution=2", "status=COMPLETED", "exported=120", "failed=0");
        assertThat(harness.database().queryForObject(
                "SELECT COUNT(DISTINCT JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION", Long.class)).isEqualTo(1L);
        List<String> resumedCursors = selectionCursors().subList(selectionsBeforeResume, selectionCursors().size());
        // (POs 51 to 69 were marked in the failed chunk and 70 to 72 by the first step: 48 left, one short page)
        assertThat(resumedCursors).containsExactly("50");
        assertThat(harness.coupa.exportedIds()).hasSize(120);
        // every PO was accepted exactly once; none before the failure was posted again
        Map<Long, Long> accepted = harness.erp.received().stream().filter(Received::accepted)
            .collect(Collectors.groupingBy(received -> received.document().get("coupaId").asLong(), Collectors.counting()));
        assertThat(accepted).hasSize(120).allSatisfy((po, posts) -> assertThat(posts).isEqualTo(1L));
        // only the three POs that met the outage were ever attempted without being accepted
        assertThat(harness.erp.received()).filteredOn(received -> !received.accepted())
            .extracting(received -> received.document().get("coupaId").asLong()).containsOnly(70L, 71L, 72L);
    }

    @Test
    void htmlErrorPageFailsTheJobAndIsNeverTakenAsAnEmptyPage() {
        // given a Coupa whose second page is a maintenance page
        StubMapping maintenance = harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders"))
            .withQueryParam("id[gt]", WireMock.equalTo("50"))
            .withQueryParam("fields", WireMock.containing("po-number")).atPriority(1)
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html>\n<html><body><h1>Coupa is down for maintenance</h1></body></html>")));

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.page-size=50");

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("status=FAILED", "exported=50")
            .contains("GET " + harness.coupa.baseUrl() + "/api/purchase_orders?exported=false")
            .contains("did not answer with a JSON array of purchase orders (Content-Type text/html): "
                    + "<!DOCTYPE html> <html><body><h1>Coupa is down for maintenance");
        assertThat(harness.coupa.exportedIds()).hasSize(50);
        assertThat(harness.erp.received()).hasSize(50);

        // and once Coupa is back the run resumes after the first page
        harness.coupa.server().removeStub(maintenance);
        ExportJobHarness.RunResult resumed = harness.run("--coupa.page-size=50");
        assertThat(resumed.exitCode()).isZero();
        assertThat(resumed.summary()).contains("read=120", "exported=120");
        assertThat(harness.coupa.exportedIds()).hasSize(120);
    }

    @Test
    void truncatedJsonPageFailsTheJobNamingTheCall() {
        // given
        harness.coupa.server().stubFor(WireMock.get(WireMock.urlPathEqualTo("/api/purchase_orders")).atPriority(1)
            .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"id\": 1, \"po-number\": \"1\", \"version\": 1, \"status\": \"iss")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.summary()).contains("status=FAILED", "read=0")
            .contains("/api/purchase_orders?exported=false")
            .contains("answered with JSON that cannot be read as purchase orders");
        assertThat(harness.erp.received()).isEmpty();
    }

    private Map<Long, Long> postsPerPo() {
        return harness.erp.received().stream()
            .collect(Collectors.groupingBy(received -> received.document().get("coupaId").asLong(), Collectors.counting()));
    }

    private List<String> selectionCursors() {
        return harness.selectionRequests().stream()
            .map(event -> event.getRequest().queryParameter("id[gt]").firstValue())
            .toList();
    }
}
