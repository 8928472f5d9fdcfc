package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.github.coupapoexport.sandbox.CoupaPo.Line;
import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.github.coupapoexport.sandbox.CoupaPo.po;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real jar where a scheduler really starts it: from whatever folder, and beside another process on the same
 * job repository.
 */
class RunBesideOthersIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final ExportJobHarness harness = new ExportJobHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void startedFromAFolderWithoutTheDefaultValueMapsTheJobSendsCodesAsCoupaHasThem() throws IOException {
        // given a folder with no config/value-maps.yml, and a PO whose payment term the default file would map
        harness.coupa.add(po(1).line(Line.amount(11, "1", "Consulting", "100.00")));
        Path elsewhere = Files.createTempDirectory("coupa-po-export-cwd");

        // when
        ExportProcess run = harness.launchIn(elsewhere);

        // then
        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isZero();
        assertThat(run.summary()).contains("exported=1");
        assertThat(run.output().lines().filter(line -> line.contains("No value maps: "))).singleElement()
            .asString().contains(elsewhere.resolve("config/value-maps.yml").toString() + " does not exist");
        assertThat(harness.erp.received()).singleElement()
            .satisfies(received -> assertThat(received.document().get("paymentTerm").asString()).isEqualTo("Net 45"));
    }

    @Test
    void signalToADryRunStopsThatDryRunAndNotTheExportRunningBesideIt() throws IOException {
        // given a real export, slowed down by the ERP so that it is still running
        harness.coupa.add(CoupaPo.numbered(120));
        harness.erp.answerAfter(400);
        ExportProcess export = harness.launch("--coupa.page-size=10", "--export.concurrency=1");
        harness.awaitErpDocuments(3, TIMEOUT);
        // and a dry run beside it, on the same job repository, part way through its POs
        harness.coupa.latency(50);
        Path out = harness.folder().resolve("documents");
        ExportProcess dryRun = harness.launch("--dry-run", "--out=" + out, "--coupa.page-size=1");
        awaitDocuments(out, 2);

        // when
        dryRun.terminate();

        // then the dry run stops
        assertThat(dryRun.exitCode(Duration.ofSeconds(30))).as(dryRun.output()).isEqualTo(4);
        assertThat(dryRun.summary()).contains("status=STOPPED", "dry-run");
        // and the export goes on to its end
        assertThat(export.isAlive()).as(export.output()).isTrue();
        harness.coupa.latency(0);
        harness.erp.answerAfter(0);
        assertThat(export.exitCode(TIMEOUT)).as(export.output()).isZero();
        assertThat(export.summary()).contains("status=COMPLETED", "read=120", "exported=120");
        assertThat(harness.coupa.exportedIds()).hasSize(120);
    }

    private static void awaitDocuments(Path folder, int documents) throws IOException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (count(folder) < documents) {
            assertThat(System.nanoTime()).as("dry-run documents in " + folder).isLessThan(deadline);
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    private static long count(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }
}
