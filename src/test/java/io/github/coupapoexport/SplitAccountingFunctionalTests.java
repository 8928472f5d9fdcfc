package io.github.coupapoexport;

import java.util.List;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.FakeErp.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/** Coupa's split accounting and account segments, from the fake Coupa through the real job to the REST ERP. */
class SplitAccountingFunctionalTests {

    private static final String[] SLOW_ERP = {"--erp.read-timeout=2s", "--erp.retry.max-retries=1"};

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void splitLineReachesTheErpWithItsAllocationsAndAnAccountLineWithItsSegments() {
        // given a PO with a line charged to one account and a line split 60/40 over two accounts
        harness.coupa.add(po(4830).total("1250.00")
            .line(Line.quantity(16001, "1", "Safety gloves, L", "50.0", "5.00", "EA").total("250.00")
                .account("01-100-8000", "01", "100", "8000"))
            .line(Line.amount(16002, "2", "Installation service", "1000.00")
                .allocation("60.0", "600.0000", "01-100-8100", "01", "100", "8100")
                .allocation("40.0", "400.0000", "02-200-8100", "02", "200", "8100")));

        // when
        ExportJobHarness.RunResult result = harness.run();

        // then the selection asked Coupa for the accounts' segments and the allocations
        assertThat(result.exitCode()).as(result.output()).isZero();
        String fields = harness.selectionRequests().get(0).getRequest().queryParameter("fields").firstValue();
        assertThat(fields).contains("\"need-by-date\",{\"account\":[\"code\",\"segment-1\",\"segment-2\",")
            .contains("\"segment-20\"]},{\"account-allocations\":[\"pct\",\"amount\",{\"account\":[\"code\",\"segment-1\",");
        // and the ERP received both, with nothing else in the lines changed
        List<Received> received = harness.erp.received();
        assertThat(received).hasSize(1);
        var lines = received.get(0).document().get("lines");
        assertThat(lines.get(0).toString()).contains("""
                "accountCode":"01-100-8000","accountSegments":{"segment-1":"01","segment-2":"100","segment-3":"8000"},\
                "commodity":"Safety Equipment","deleted":false}""");
        assertThat(lines.get(1).toString()).contains("""
                "amount":"1000.00","needByDate":"2026-03-20","accountCode":null,"allocations":[\
                {"percentage":"60","amount":"600.00","accountCode":"01-100-8100",\
                "accountSegments":{"segment-1":"01","segment-2":"100","segment-3":"8100"}},\
                {"percentage":"40","amount":"400.00","accountCode":"02-200-8100",\
                "accountSegments":{"segment-1":"02","segment-2":"200","segment-3":"8100"}}],\
                "commodity":"Safety Equipment","deleted":false}""");
        assertThat(harness.coupa.isExported(4830)).isTrue();
        assertThat(harness.ledger()).singleElement().satisfies(row -> assertThat(row.get("OUTCOME")).isEqualTo("ACCEPTED"));
    }

    @Test
    void resendOfASplitDocumentFromTheLedgerPostsTheSameAllocations() {
        // given the ERP accepts the split PO only after the job's call timed out, so the run leaves it unanswered
        harness.erp.applyThenTimeOut("4831", 2);
        harness.coupa.add(po(4831).total("1000.00").line(Line.amount(16101, "1", "Consulting", "1000.00")
            .allocation("50", "500.00", "A-1", "A", "1").allocation("50", "500.00", "B-2", "B", "2")));
        assertThat(harness.run(SLOW_ERP).exitCode()).isEqualTo(3);

        // when the next run resends the document the ledger kept
        ExportJobHarness.RunResult result = harness.run(SLOW_ERP);

        // then the ERP got the same allocations each time
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(harness.erp.received()).hasSizeGreaterThan(1)
            .extracting(received -> received.document().get("lines").get(0).get("allocations").toString())
            .containsOnly("""
                    [{"percentage":"50","amount":"500.00","accountCode":"A-1","accountSegments":{"segment-1":"A",\
                    "segment-2":"1"}},{"percentage":"50","amount":"500.00","accountCode":"B-2","accountSegments":\
                    {"segment-1":"B","segment-2":"2"}}]""");
        assertThat(harness.coupa.isExported(4831)).isTrue();
    }

    @Test
    void allocationsThatDoNotAddUpRejectThePoBeforeTheErpNamingTheLine() {
        // given a line whose allocations add up to 90% and 900.00 of its 1000.00, beside a valid PO
        harness.coupa.add(po(4832).line(Line.amount(16201, "1", "Consulting", "1000.00")
                .allocation("60", "600.00", "A-1").allocation("30", "300.00", "B-2")),
                po(4833).line(Line.amount(16301, "1", "Consulting", "100.00")));

        // when
        ExportJobHarness.RunResult result = harness.run("--coupa.monitoring.mode=custom-field");

        // then the PO never reaches the ERP, is not marked, and its reason is recorded and reported in Coupa
        String reason = "PO 4832 cannot be sent to the ERP: line 1 allocations add up to 90%, not 100%; "
                + "line 1 allocations add up to 900.00, not the line's total 1000.00";
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.summary()).contains("read=2", "exported=1", "failed=1", "exit=3");
        assertThat(result.output()).contains(reason);
        assertThat(harness.erp.received()).extracting(Received::poNumber).containsExactly("4833");
        assertThat(harness.coupa.isExported(4832)).isFalse();
        assertThat(harness.ledger()).filteredOn(row -> row.get("COUPA_ID").equals(4832L)).singleElement()
            .satisfies(row -> {
                assertThat(row.get("OUTCOME")).isEqualTo("INVALID");
                assertThat(row.get("OUTCOME_MESSAGE")).isEqualTo(reason);
            });
        assertThat(String.valueOf(harness.coupa.statusFields().get(4832L))).contains(reason);
    }
}
