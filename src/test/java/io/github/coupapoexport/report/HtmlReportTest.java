package io.github.coupapoexport.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.github.coupapoexport.ledger.FailingPurchaseOrders.FailureClass;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.report.ReportSamples.GENERATED;
import static io.github.coupapoexport.report.ReportSamples.HOSTILE_REASON;
import static org.assertj.core.api.Assertions.assertThat;

/** The page as text: what it holds, what it escapes, and that nothing in it points anywhere. */
class HtmlReportTest {

    @Test
    void theLastExecutionsAreRowsNewestFirstWithTheirCallsPerPo() {
        // when
        String html = HtmlReport.render(ReportSamples.threeRuns());

        // then
        assertThat(html).containsSubsequence("<tr data-execution=\"3\">", "<tr data-execution=\"2\">",
                "<tr data-execution=\"1\">");
        assertThat(html).contains("<td class=\"number\">61</td><td class=\"number\">2.10</td>"
                + "<td>COMPLETED_WITH_REJECTIONS</td><td class=\"number\">3</td>")
            .contains("<td class=\"time\">2026-12-04 06:00:00</td><td class=\"time\">2026-12-04 06:00:04</td>"
                    + "<td class=\"number\">4.2 s</td>")
            .contains("Generated 2026-12-02 13:05:00 UTC");
    }

    @Test
    void textFromCoupaOrTheErpIsEscapedEverywhere() {
        // when
        String html = HtmlReport.render(ReportSamples.threeRuns());

        // then no markup of the data survives, but its text does
        assertThat(html).doesNotContain("<script", "<img", "<b>4827", "onerror=\"")
            .contains("<td class=\"po\">&lt;b&gt;4827&lt;/b&gt;</td>")
            .contains("Supplier &lt;script&gt;document.title=&#39;owned&#39;&lt;/script&gt;&lt;img src=x "
                    + "onerror=&quot;document.title=&#39;owned&#39;&quot;&gt; &amp; &quot;B&quot; is blocked");
    }

    @Test
    void thePageLoadsNothing() {
        // when
        String html = HtmlReport.render(ReportSamples.with(ReportSamples.threeRuns(), ReportSamples.reconciliation()));

        // then its only address is SVG's namespace, which names a vocabulary and is never fetched
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\">");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", ""))
            .doesNotContainIgnoringCase("http:")
            .doesNotContainIgnoringCase("https:")
            .doesNotContainIgnoringCase("<script")
            .doesNotContainPattern("(?i)\\s(src|href|action|srcset)\\s*=\\s*[\"']")
            .doesNotContain("url(", "@import", "<link", "<iframe", "<object");
    }

    @Test
    void failuresAreGroupedByClassWithWhatEachClassMeans() {
        // when
        String html = HtmlReport.render(ReportSamples.threeRuns());

        // then
        assertThat(html).containsSubsequence("<h3 id=\"class-po-data\">po-data (1)</h3>",
                "a buyer fixes it in Coupa", "<td class=\"po\">4826</td>",
                "<h3 id=\"class-erp-refused\">erp-refused (1)",
                "The ERP refused the document")
            .doesNotContain("class-erp-unanswered", "class-coupa-refused")
            .contains("<li id=\"summary-failing\">Failing POs<strong>2</strong>");
    }

    @Test
    void anEmptyRepositorySaysSoInEverySection() {
        // when
        String html = HtmlReport.render(new ReportData(GENERATED, List.of(), List.of(), Optional.empty()));

        // then
        assertThat(html).contains("No executions yet", "no runs yet", "No failing POs",
                "No reconciliation has run yet.", "Last run<strong>none yet")
            .doesNotContain("<table");
    }

    @Test
    void theLastReconciliationShowsItsDifferencesByKindAndEachLine() {
        // when
        String html = HtmlReport.render(ReportSamples.with(ReportSamples.threeRuns(), ReportSamples.reconciliation()));

        // then
        assertThat(html).contains("Finished 2026-12-02 05:30:00 UTC; compared 120 POs since 2026-11-01; found 3 "
                + "differences.")
            .containsSubsequence("<tr><td>missing in ERP</td><td class=\"number\">2</td></tr>",
                    "<tr><td>amount differs</td><td class=\"number\">1</td></tr>")
            .contains("<li>PO 4832: amount differs: Coupa 400.00, ERP 40.00 &lt;i&gt;sic&lt;/i&gt;</li>")
            .contains("Last reconciliation<strong>3 differences")
            .doesNotContain("No reconciliation has run yet");
    }

    @Test
    void aLongReconciliationShowsItsFirstLinesAndCountsTheRest() {
        // given
        List<String> lines = IntStream.range(0, 250).mapToObj(i -> "PO " + i + ": missing in ERP")
            .toList();
        ReconciliationView many = new ReconciliationView(GENERATED, "2026-01-01", 300,
                Map.of("missing in ERP", 250), lines);

        // when
        String html = HtmlReport.render(new ReportData(GENERATED, List.of(), List.of(
                ReportSamples.failing(FailureClass.ERP_UNANSWERED, 9, "4900", null)), Optional.of(many)));

        // then
        assertThat(html).contains("<li>PO 199: missing in ERP</li>", "and 50 more")
            .doesNotContain("<li>PO 200: missing in ERP</li>")
            .contains("<td class=\"reason\">-</td>");
    }
}
