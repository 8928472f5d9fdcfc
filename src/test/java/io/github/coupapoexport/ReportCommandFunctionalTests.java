package io.github.coupapoexport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.coupapoexport.report.Chromium;
import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code report --out=FILE.html}: after real runs against the fakes, the page written from the job repository alone
 * shows in Debian's Chromium the same executions as {@code status}, the failing POs by class, a bar per run, and no
 * reconciliation yet; writing it calls neither Coupa nor the ERP.
 */
class ReportCommandFunctionalTests {

    private static final String HOSTILE = "Supplier SUP-0666 <script>document.title='owned'</script> is blocked";

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void theReportOfTwoRunsShowsInTheBrowserWhatStatusAndFailuresTell() throws Exception {
        // given a run that exported PO 1, found PO 2 without a supplier number and had PO 3 refused with a message
        // holding markup, then a run that exported the new PO 4
        harness.erp.rejectSupplier("SUP-0666", HOSTILE);
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")),
                po(3).supplier("Initech", "SUP-0666").line(Line.amount(31, "1", "Consulting", "100.00")));
        assertThat(harness.run().exitCode()).isEqualTo(3);
        harness.coupa.add(po(4).line(Line.amount(41, "1", "Consulting", "100.00")));
        assertThat(harness.run().exitCode()).isEqualTo(3);
        JsonNode status = JsonMapper.builder().build().readTree(statusJson());
        harness.coupa.server().resetRequests();
        int erpRequests = harness.erp.server().getAllServeEvents().size();
        Path file = harness.folder().resolve("weekly report.html");

        // when
        ExportJobHarness.RunResult report = harness.run("report", "--out=" + file);

        // then the page is written, from the job repository only
        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(report.output()).contains("coupa-po-export: report written to " + file.toAbsolutePath());
        assertThat(harness.coupa.server().getAllServeEvents()).isEmpty();
        assertThat(harness.erp.server().getAllServeEvents()).hasSize(erpRequests);
        try (Chromium chromium = Chromium.start(1200, 1400)) {
            ChromeDriver browser = chromium.open(file);
            // each run as status tells it, with the Coupa calls it made per PO read
            List<WebElement> rows = browser.findElements(By.cssSelector("#executions-table tbody tr"));
            assertThat(rows).hasSize(status.size()).hasSize(2);
            for (int i = 0; i < rows.size(); i++) {
                List<String> cells = rows.get(i).findElements(By.tagName("td")).stream().map(WebElement::getText)
                    .toList();
                JsonNode execution = status.get(i);
                assertThat(List.of(cells.get(0), cells.get(1), cells.get(5), cells.get(6), cells.get(7), cells.get(8),
                        cells.get(9), cells.get(12), cells.get(13))).containsExactly(
                                execution.get("execution").asString(), execution.get("status").asString(),
                                execution.get("read").asString(), execution.get("exported").asString(),
                                execution.get("failed").asString(), execution.get("skipped").asString(),
                                execution.get("queued").asString(), execution.get("exit-status").asString(),
                                execution.get("exit").asString());
                assertThat(cells.get(10)).matches("[1-9]\\d*");
                assertThat(cells.get(11)).matches("\\d+\\.\\d\\d");
            }
            // the failing POs by class, the ERP's message as it was written
            assertThat(browser.findElements(By.cssSelector("table.failures[data-class='po-data'] td.po")))
                .extracting(WebElement::getText).containsExactly("2");
            assertThat(browser.findElements(By.cssSelector("table.failures[data-class='erp-refused'] td.po")))
                .extracting(WebElement::getText).containsExactly("3");
            assertThat(browser.findElement(By.cssSelector("table.failures[data-class='erp-refused'] td.reason"))
                .getText()).contains(HOSTILE);
            assertThat(browser.getTitle()).isEqualTo("coupa-po-export report");
            // a bar per run, each segment drawn with a size
            assertThat(browser.findElements(By.cssSelector("#run-chart g.run"))).hasSize(2);
            assertThat(browser.findElements(By.cssSelector("#run-chart rect.bar"))).isNotEmpty().allSatisfy(bar -> {
                assertThat(bar.getRect().getWidth()).isPositive();
                assertThat(bar.getRect().getHeight()).isPositive();
            });
            assertThat(browser.findElement(By.id("reconciliation")).getText())
                .contains("No reconciliation has run yet.");
            assertThat(chromium.consoleErrors()).isEmpty();
            assertThat(chromium.requests()).containsExactly(new Chromium.Request(file.toUri().toString(), null));
            assertThat(chromium.screenshot()).startsWith(0x89, 'P', 'N', 'G');
        }
    }

    @Test
    void aReportOfAnEmptyJobRepositorySaysThereIsNothingYet() throws Exception {
        // given
        Path file = harness.folder().resolve("report.html");

        // when
        ExportJobHarness.RunResult report = harness.run("report", "--out=" + file);

        // then
        assertThat(report.exitCode()).as(report.output()).isZero();
        assertThat(Files.readString(file)).contains("No executions yet", "No failing POs",
                "No reconciliation has run yet.");
    }

    @Test
    void aReportThatCannotBeWrittenExits1SayingWhere() {
        // given
        Path file = harness.folder().resolve("no such folder").resolve("report.html");
        Path folder = harness.folder();

        // when
        ExportJobHarness.RunResult report = harness.run("report", "--out=" + file);
        ExportJobHarness.RunResult intoFolder = harness.run("report", "--out=" + folder);

        // then
        assertThat(report.exitCode()).isEqualTo(1);
        assertThat(report.output()).contains("coupa-po-export: the report could not be written to "
                + file.toAbsolutePath() + ": no such folder");
        assertThat(file.getParent()).doesNotExist();
        assertThat(intoFolder.exitCode()).isEqualTo(1);
        assertThat(intoFolder.output()).contains("coupa-po-export: the report could not be written to "
                + folder.toAbsolutePath() + ": it is a folder; give a file, as in --out="
                + folder.toAbsolutePath().resolve("coupa-po-export-report.html"));
    }

    private String statusJson() {
        String output = harness.run("status", "--json").output();
        return output.substring(output.indexOf('['), output.lastIndexOf(']') + 1);
    }
}
