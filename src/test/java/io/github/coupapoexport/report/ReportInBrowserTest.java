package io.github.coupapoexport.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page in Debian's Chromium, opened from a file as from a saved attachment: what a person sees, that hostile text
 * stays text, and that the browser loads nothing and refuses to.
 */
class ReportInBrowserTest {

    private static Chromium chromium;

    @TempDir
    Path folder;

    @BeforeAll
    static void startBrowser() {
        chromium = Chromium.start(1200, 1400);
    }

    @AfterAll
    static void stopBrowser() {
        chromium.close();
    }

    @Test
    void theBrowserShowsEverySectionAndDrawsTheBars() throws IOException {
        // given
        Path page = write(ReportSamples.with(ReportSamples.threeRuns(), ReportSamples.reconciliation()));

        // when
        ChromeDriver browser = chromium.open(page);

        // then the table rows, the failing POs and the reconciliation are shown as text
        assertThat(browser.getTitle()).isEqualTo("coupa-po-export report");
        assertThat(browser.findElements(By.cssSelector("#executions-table tbody tr"))).extracting(WebElement::getText)
            .containsExactly("3 COMPLETED 2026-12-04 06:00:00 2026-12-04 06:00:04 4.2 s 5 4 1 0 0 9 1.80 "
                    + "COMPLETED_WITH_REJECTIONS 3",
                    "2 FAILED 2026-12-03 06:00:00 2026-12-03 06:00:04 4.2 s 13 10 0 1 2 20 1.54 FAILED 1",
                    "1 COMPLETED 2026-12-02 06:00:00 2026-12-02 06:00:04 4.2 s 29 27 2 0 0 61 2.10 "
                            + "COMPLETED_WITH_REJECTIONS 3");
        assertThat(browser.findElements(By.cssSelector("table.failures td.po"))).extracting(WebElement::getText)
            .containsExactly("4826", "<b>4827</b>");
        assertThat(browser.findElement(By.id("reconciliation-summary")).getText())
            .isEqualTo("Finished 2026-12-02 05:30:00 UTC; compared 120 POs since 2026-11-01; found 3 differences.");
        // and every bar segment is drawn with a size, one run after the other, oldest left
        List<WebElement> bars = browser.findElements(By.cssSelector("#run-chart rect.bar"));
        assertThat(bars).hasSize(7).allSatisfy(bar -> {
            assertThat(bar.isDisplayed()).isTrue();
            assertThat(bar.getRect().getWidth()).isPositive();
            assertThat(bar.getRect().getHeight()).isPositive();
        });
        assertThat(browser.findElements(By.cssSelector("#run-chart g.run"))).extracting(run -> run.getAttribute(
                "data-execution")).containsExactly("1", "2", "3");
        assertThat(chromium.consoleErrors()).isEmpty();
        assertThat(chromium.requests()).containsExactly(new Chromium.Request(page.toUri().toString(), null));
    }

    @Test
    void hostileTextFromCoupaOrTheErpStaysText() throws IOException {
        // given
        Path page = write(ReportSamples.threeRuns());

        // when
        ChromeDriver browser = chromium.open(page);

        // then no script ran and no element came from the data: the reason reads as it was written
        assertThat(browser.getTitle()).isEqualTo("coupa-po-export report");
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("td.reason img, td.po b"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("table.failures td.reason"))).extracting(WebElement::getText)
            .containsExactly("PO 4826: the supplier has no supplier number", ReportSamples.HOSTILE_REASON);
        assertThat(chromium.consoleErrors()).isEmpty();
        assertThat(chromium.requests()).containsExactly(new Chromium.Request(page.toUri().toString(), null));
    }

    @Test
    void theBrowserRefusesAnythingThePageWouldLoad() throws IOException {
        // given the page open
        Path page = write(ReportSamples.threeRuns());
        ChromeDriver browser = chromium.open(page);
        chromium.consoleErrors();
        chromium.requests();

        // when something in it asks for an image and a style sheet from a server
        browser.executeScript("var image = document.createElement('img'); image.src = 'http://127.0.0.1:9/x.png';"
                + "document.body.appendChild(image); var sheet = document.createElement('link');"
                + "sheet.rel = 'stylesheet'; sheet.href = 'http://127.0.0.1:9/x.css';"
                + "document.head.appendChild(sheet);");

        // then its Content-Security-Policy refuses both before any request leaves the browser
        assertThat(browser.findElements(By.tagName("img"))).hasSize(1);
        assertThat(chromium.consoleErrors()).hasSize(2)
            .allSatisfy(error -> assertThat(error).contains("Content Security Policy"));
        assertThat(chromium.requests()).containsExactlyInAnyOrder(
                new Chromium.Request("http://127.0.0.1:9/x.png", "csp"),
                new Chromium.Request("http://127.0.0.1:9/x.css", "csp"));
    }

    @Test
    void anEmptyReportOpensWithoutErrors() throws IOException {
        // given
        Path page = write(new ReportData(ReportSamples.GENERATED, List.of(), List.of(), Optional.empty()));

        // when
        ChromeDriver browser = chromium.open(page);

        // then
        assertThat(browser.findElement(By.id("executions")).getText()).contains("No executions yet");
        assertThat(browser.findElement(By.id("run-chart")).getText()).contains("no runs yet");
        assertThat(browser.findElement(By.id("reconciliation")).getText()).contains("No reconciliation has run yet.");
        assertThat(chromium.consoleErrors()).isEmpty();
    }

    private Path write(ReportData data) throws IOException {
        return Files.writeString(folder.resolve("report.html"), HtmlReport.render(data));
    }
}
