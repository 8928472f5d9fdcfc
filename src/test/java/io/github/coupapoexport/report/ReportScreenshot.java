package io.github.coupapoexport.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The README's picture of the report: a report page as Debian's headless Chromium shows it in a window of 1200 by 1400
 * pixels, saved as PNG. By default the sandbox's report ({@code ./mvnw spring-boot:test-run} writes it) to
 * {@code docs/report.png}. With the test classpath written by {@code ./mvnw -q test-compile dependency:build-classpath
 * -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test}: {@code java -cp
 * "target/test-classes:target/classes:$(cat target/test-classpath.txt)"
 * io.github.coupapoexport.report.ReportScreenshot [REPORT.html [PICTURE.png]]}.
 */
public final class ReportScreenshot {

    static final Path SANDBOX_REPORT = Path.of("target", "sandbox", "coupa-po-export-report.html");

    static final Path README_PICTURE = Path.of("docs", "report.png");

    private ReportScreenshot() {
    }

    public static void main(String[] args) throws IOException {
        Path page = args.length > 0 ? Path.of(args[0]) : SANDBOX_REPORT;
        Path picture = args.length > 1 ? Path.of(args[1]) : README_PICTURE;
        if (!Files.isRegularFile(page)) {
            throw new IllegalArgumentException("no report at " + page.toAbsolutePath()
                    + "; run the sandbox first (./mvnw spring-boot:test-run), which writes it");
        }
        try (Chromium chromium = Chromium.start(1200, 1400)) {
            chromium.open(page);
            List<String> errors = chromium.consoleErrors();
            if (!errors.isEmpty()) {
                // A picture of a broken page must not go into the README.
                throw new IllegalStateException("the page has errors in the browser: " + errors);
            }
            if (picture.toAbsolutePath().getParent() != null) {
                Files.createDirectories(picture.toAbsolutePath().getParent());
            }
            Files.write(picture, chromium.screenshot());
        }
        System.out.println("report-screenshot: " + picture.toAbsolutePath());
    }
}
