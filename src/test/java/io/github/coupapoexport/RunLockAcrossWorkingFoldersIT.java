package io.github.coupapoexport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two schedulers that start the packaged jar from different working folders on one H2 database share one run lock:
 * the lock file is found where H2 finds the database, not by reading the URL as a path of the working folder.
 */
class RunLockAcrossWorkingFoldersIT {

    private static final int PURCHASE_ORDERS = 60;

    /** The project's value maps, found by default relative to the working folder, which here is another one. */
    private static final Path VALUE_MAPS = Path.of("config", "value-maps.yml");

    private final ExportJobHarness harness = new ExportJobHarness();

    private final String name = "coupa-po-export-lock-it-" + UUID.randomUUID().toString().substring(0, 8);

    /** Where {@code ~/name} leads: a folder of this test's own in the user's home. */
    private final Path inHome = Path.of(System.getProperty("user.home")).resolve(name);

    private final Path folders = harness.folder();

    private final List<ExportProcess> processes = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        processes.stream().filter(ExportProcess::isAlive).forEach(ExportProcess::kill);
        harness.close();
        delete(inHome);
        delete(folders);
    }

    @Test
    void secondRunFromAnotherWorkingFolderOnTheSameHomeDatabaseExits5() throws IOException {
        // given a run from one working folder on a database in the user's home, slowed so that it outlives the
        // second one's start
        String database = "--spring.datasource.url=jdbc:h2:file:~/" + name + "/job-repository;AUTO_SERVER=TRUE;WRITE_DELAY=0";
        Path firstFolder = Files.createDirectories(folders.resolve("first"));
        Path secondFolder = Files.createDirectories(folders.resolve("second"));

        // when / then
        secondRunIsRefusedWhileTheFirstRuns(firstFolder, database, secondFolder, database);
        assertThat(firstFolder.resolve("~")).as("no folder named ~ in a working folder").doesNotExist();
        assertThat(secondFolder.resolve("~")).as("no folder named ~ in a working folder").doesNotExist();
        assertThat(inHome.resolve("job-repository.run-lock")).exists();
    }

    @Test
    void secondRunFromAnotherWorkingFolderOnTheSameRelativeDatabaseExits5() throws IOException {
        // given one database named relative to each working folder: ./data, and ../first/data/../data in the URL form
        // without file: that H2 reads as a file too
        Path firstFolder = Files.createDirectories(folders.resolve("first"));
        Path secondFolder = Files.createDirectories(folders.resolve("second"));

        // when / then
        secondRunIsRefusedWhileTheFirstRuns(
                firstFolder, "--spring.datasource.url=jdbc:h2:file:./data/job-repository;AUTO_SERVER=TRUE;WRITE_DELAY=0",
                secondFolder, "--spring.datasource.url=jdbc:h2:../first/data/../data/job-repository;AUTO_SERVER=TRUE");
        assertThat(firstFolder.resolve("data").resolve("job-repository.run-lock")).exists();
        assertThat(secondFolder.resolve("..").resolve("first")).exists();
        try (Stream<Path> files = Files.walk(secondFolder)) {
            assertThat(files.filter(file -> file.toString().endsWith(".run-lock"))).as("no lock of its own").isEmpty();
        }
    }

    private void secondRunIsRefusedWhileTheFirstRuns(Path firstFolder, String firstDatabase, Path secondFolder,
            String secondDatabase) {
        harness.coupa.add(CoupaPo.numbered(PURCHASE_ORDERS));
        harness.erp.answerAfter(400);
        ExportProcess first = started(firstFolder, firstDatabase);
        harness.awaitErpDocuments(3, Duration.ofSeconds(120));

        ExportProcess second = started(secondFolder, secondDatabase);

        assertThat(second.exitCode(Duration.ofSeconds(120))).as(second.output()).isEqualTo(5);
        assertThat(second.output()).contains("another execution is running against this job repository");
        assertThat(first.isAlive()).as("the second ended while the first ran").isTrue();
        harness.erp.answerAfter(0);
        assertThat(first.exitCode(Duration.ofSeconds(120))).as(first.output()).isZero();
        assertThat(harness.coupa.exportedIds()).hasSize(PURCHASE_ORDERS);
    }

    private ExportProcess started(Path workingFolder, String database) {
        ExportProcess process = ExportProcess.launchIn(workingFolder,
                harness.arguments(database, "--coupa.page-size=10", "--export.concurrency=1",
                        "--export.value-maps=" + VALUE_MAPS.toAbsolutePath()));
        processes.add(process);
        return process;
    }

    private static void delete(Path folder) throws IOException {
        FileSystemUtils.deleteRecursively(folder);
    }
}
