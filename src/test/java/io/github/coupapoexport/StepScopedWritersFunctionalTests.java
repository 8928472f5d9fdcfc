package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writers are made anew for each step execution (step scope): still listeners of their step, and the export's
 * POs still sent by the application's bounded pool of sender threads.
 */
class StepScopedWritersFunctionalTests {

    /** The thread of a log line that reports an ERP rejection. */
    private static final Pattern REJECTION_THREAD = Pattern.compile(
            "\\[\\s*([\\w-]+)\\]\\s+\\S+\\s+: PO \\d+ was rejected by the ERP");

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void dryRunMakesItsOutFolderBeforeWritingTheDocuments() throws IOException {
        // given an out folder that does not exist yet
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")),
                po(2).supplier("Globex", null).line(Line.amount(21, "1", "Consulting", "100.00")));
        Path out = harness.folder().resolve("documents").resolve("today");

        // when
        ExportJobHarness.RunResult result = harness.run("--dry-run", "--out=" + out);

        // then the writer, a listener of its step, made it before the first chunk
        assertThat(result.exitCode()).as(result.output()).isEqualTo(3);
        assertThat(result.summary()).contains("exported=1", "failed=1");
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("PO-1.json",
                    "PO-2.rejected.txt");
        }
        assertThat(harness.erp.received()).isEmpty();
    }

    @Test
    void chunkIsSentByNoMoreSenderThreadsThanExportConcurrency() {
        // given a page of six POs the ERP rejects, each logged by the thread that sent it
        harness.erp.rejectSupplier("SUP-0666", "Supplier SUP-0666 is blocked");
        for (int id = 1; id <= 6; id++) {
            harness.coupa.add(po(id).supplier("Initech", "SUP-0666").line(Line.amount(id * 10L, "1", "Consulting",
                    "100.00")));
        }

        // when
        ExportJobHarness.RunResult result = harness.run("--export.concurrency=2");

        // then every PO has its outcome, sent by erp-sender-1 and erp-sender-2 only
        assertThat(result.summary()).as(result.output()).contains("failed=6");
        assertThat(REJECTION_THREAD.matcher(result.output()).results().map(match -> match.group(1)))
            .hasSize(6)
            .containsOnly("erp-sender-1", "erp-sender-2");
    }
}
