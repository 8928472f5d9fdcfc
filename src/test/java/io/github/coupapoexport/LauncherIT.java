package io.github.coupapoexport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.github.coupapoexport.sandbox.CoupaPo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code target/coupa-po-export} installed beside the jar in a folder of its own: the job's commands,
 * output and exit codes through it, and its class data sharing archive made once per jar and used after.
 */
class LauncherIT {

    private final ExportJobHarness harness = new ExportJobHarness();

    private Path installation;

    private Path classLoading;

    @BeforeEach
    void install() throws IOException {
        installation = Files.createTempDirectory("coupa-po-export-installation");
        Files.copy(ExportProcess.JAR, installation.resolve("coupa-po-export.jar"));
        Files.copy(ExportProcess.LAUNCHER, installation.resolve("coupa-po-export"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(installation.resolve("config"));
        Files.copy(Path.of("config", "value-maps.yml"), installation.resolve("config").resolve("value-maps.yml"));
        classLoading = installation.resolve("class-loading.log");
        harness.coupa.add(CoupaPo.numbered(3));
    }

    @AfterEach
    void stop() {
        harness.close();
    }

    @Test
    void firstStartPreparesClassDataSharingOnceAndEveryStartLoadsSpringFromTheArchive() {
        // when
        Launch first = launch(Map.of(), harness.arguments());

        // then
        assertThat(first.exitCode).as(first.stdout + first.stderr).isZero();
        assertThat(lastLine(first.stdout)).startsWith("coupa-po-export: execution=").contains("exported=3", "exit=0");
        assertThat(first.stderr).contains("preparing class data sharing in " + installation.resolve("cds"));
        assertThat(archives()).singleElement().satisfies(archive -> {
            assertThat(archive.resolve("ready")).exists();
            assertThat(archive.resolve("classes.jsa")).isNotEmptyFile();
            assertThat(archive.resolve("training")).doesNotExist();
        });
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isTrue();

        // and when
        harness.coupa.add(CoupaPo.numbered(5));
        Launch second = launch(Map.of(), harness.arguments());

        // then
        assertThat(second.exitCode).as(second.stdout + second.stderr).isZero();
        assertThat(second.stderr).doesNotContain("preparing");
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isTrue();
        assertThat(loadedFromArchive("io.github.coupapoexport.CoupaPoExportApplication")).isTrue();
        assertThat(harness.coupa.exportedIds()).hasSize(5);
    }

    @Test
    void aNewJarGetsAnArchiveOfItsOwnAndIsNeverRunFromTheOldExtraction() throws IOException {
        // given
        assertThat(launch(Map.of(), harness.arguments()).exitCode).isZero();
        Path oldArchive = archives().get(0);

        // when a new build is copied over the jar (here the same classes with one more entry)
        replaceJarWithOneHoldingAlso("META-INF/build-note.txt", "a later build");
        Launch afterUpgrade = launch(Map.of(), harness.arguments());

        // then
        assertThat(afterUpgrade.exitCode).as(afterUpgrade.stdout + afterUpgrade.stderr).isZero();
        assertThat(afterUpgrade.stderr).contains("preparing class data sharing");
        assertThat(archives()).hasSize(2).contains(oldArchive);
        Path newArchive = archives().stream().filter(archive -> !archive.equals(oldArchive)).findFirst().orElseThrow();
        assertThat(entries(newArchive.resolve("app").resolve("coupa-po-export.jar"))).contains("META-INF/build-note.txt");
        assertThat(entries(oldArchive.resolve("app").resolve("coupa-po-export.jar"))).doesNotContain("META-INF/build-note.txt");
    }

    @Test
    void withoutAFolderItCanWriteTheJobRunsWithoutTheArchiveAndSaysWhy() throws IOException {
        // given a CDS folder that cannot be made (its parent is a file)
        Path notAFolder = Files.writeString(installation.resolve("not-a-folder"), "");

        // when
        Launch run = launch(Map.of("COUPA_PO_EXPORT_CDS_DIR", notAFolder.resolve("cds").toString()), harness.arguments());

        // then
        assertThat(run.exitCode).as(run.stdout + run.stderr).isZero();
        assertThat(lastLine(run.stdout)).contains("exported=3", "exit=0");
        assertThat(run.stderr).contains("class data sharing off: cannot write " + notAFolder.resolve("cds"));
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isFalse();
    }

    @Test
    void whenTheArchiveCannotBePreparedTheJobRunsWithoutItAndEveryStartSaysWhy() throws IOException {
        // given a JVM that cannot write an archive (a wrapper that refuses to, around the real one)
        Path bin = Files.createDirectories(installation.resolve("jvm-without-cds").resolve("bin"));
        Path java = Files.writeString(bin.resolve("java"), """
                #!/bin/sh
                case "$*" in *ArchiveClassesAtExit*) echo "this JVM cannot write a CDS archive" >&2; exit 1;; esac
                exec "%s" "$@"
                """.formatted(Path.of(System.getProperty("java.home"), "bin", "java")));
        assertThat(java.toFile().setExecutable(true)).isTrue();
        Map<String, String> jvmWithoutCds = Map.of("JAVA_HOME", bin.getParent().toString());

        // when
        Launch first = launch(jvmWithoutCds, harness.arguments());
        harness.coupa.add(CoupaPo.numbered(5));
        Launch second = launch(jvmWithoutCds, harness.arguments());

        // then
        assertThat(first.exitCode).as(first.stdout + first.stderr).isZero();
        assertThat(lastLine(first.stdout)).contains("exported=3", "exit=0");
        assertThat(first.stderr).contains("class data sharing could not be prepared, running without it; see ");
        Path archive = archives().get(0);
        assertThat(archive.resolve("prepare.log")).content().contains("this JVM cannot write a CDS archive");
        assertThat(archive.resolve("ready")).doesNotExist();
        assertThat(second.exitCode).as(second.stdout + second.stderr).isZero();
        assertThat(lastLine(second.stdout)).contains("status=COMPLETED", "exit=0");
        assertThat(harness.coupa.exportedIds()).hasSize(5);
        assertThat(second.stderr).contains("class data sharing off: preparing it failed, see " + archive.resolve("prepare.log"));
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isFalse();
    }

    @Test
    void theJobsExitCodeAndStdoutComeThroughUnchanged() {
        // when the settings are wrong (the training's own settings are not affected)
        Launch run = launch(Map.of(), harness.arguments("--coupa.page-size=0"));

        // then
        assertThat(run.exitCode).as(run.stdout + run.stderr).isEqualTo(2);
        assertThat(run.stdout).contains("coupa.page-size");
        assertThat(lastLine(run.stdout)).isEqualTo("coupa-po-export: configuration error, exit 2");
        assertThat(run.stdout).doesNotContain("class data sharing");
        assertThat(archives()).singleElement().satisfies(archive -> assertThat(archive.resolve("ready")).exists());
    }

    @Test
    void prepareOnlyMakesTheArchiveAtInstallationWithoutSettingsAndWithoutRunningTheJob() {
        // when, as in an installation step or a container image build: no settings, no Coupa
        Launch prepare = launch(Map.of("COUPA_PO_EXPORT_CDS", "prepare-only"), List.of());

        // then
        assertThat(prepare.exitCode).as(prepare.stdout + prepare.stderr).isZero();
        assertThat(prepare.stdout).startsWith("coupa-po-export: class data sharing ready in " + installation.resolve("cds"));
        assertThat(harness.coupa.firstRequest()).isZero();
        assertThat(installation.resolve("data")).doesNotExist();

        // and when the scheduler starts it
        Launch run = launch(Map.of(), harness.arguments());

        // then
        assertThat(run.exitCode).as(run.stdout + run.stderr).isZero();
        assertThat(run.stderr).doesNotContain("preparing");
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isTrue();
    }

    @Test
    void classDataSharingOffRunsTheJarItself() {
        // when
        Launch run = launch(Map.of("COUPA_PO_EXPORT_CDS", "off"), harness.arguments());

        // then
        assertThat(run.exitCode).as(run.stdout + run.stderr).isZero();
        assertThat(installation.resolve("cds")).doesNotExist();
        assertThat(loadedFromArchive("org.springframework.boot.SpringApplication")).isFalse();
    }

    /**
     * Runs the installed launcher. Its JVM options log where each class came from, which shows whether the archive
     * was used (the training logs to the same file first; each JVM starts the file anew).
     */
    private Launch launch(Map<String, String> environment, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(installation.resolve("coupa-po-export").toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(installation.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("COUPA_PO_EXPORT_JAVA_OPTS", String.join(" ", ExportProcess.JVM_OPTIONS)
                + " -Xlog:class+load=info:file=" + classLoading);
        builder.environment().remove("COUPA_PO_EXPORT_CDS_DIR");
        builder.environment().putAll(environment);
        try {
            Path stdout = Files.createTempFile(installation, "stdout", ".txt");
            Path stderr = Files.createTempFile(installation, "stderr", ".txt");
            Process process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not end in 120 s:\n" + Files.readString(stdout));
            }
            return new Launch(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    private boolean loadedFromArchive(String className) {
        try (Stream<String> lines = Files.lines(classLoading)) {
            return lines.anyMatch(line -> line.contains(" " + className + " source: shared objects file (top)"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private List<Path> archives() {
        try (Stream<Path> folders = Files.list(installation.resolve("cds"))) {
            return folders.filter(Files::isDirectory).sorted().toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Rewrites the installed jar entry by entry (nested jars stay stored), adding one entry. */
    private void replaceJarWithOneHoldingAlso(String name, String content) throws IOException {
        Path jar = installation.resolve("coupa-po-export.jar");
        Path rebuilt = installation.resolve("rebuilt.jar");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(rebuilt))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(entry.getSize());
                    copy.setCompressedSize(entry.getSize());
                    copy.setCrc(entry.getCrc());
                }
                out.putNextEntry(copy);
                in.transferTo(out);
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry(name));
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        Files.move(rebuilt, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<String> entries(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(jar))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    private static String lastLine(String output) {
        List<String> lines = output.lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private record Launch(int exitCode, String stdout, String stderr) {
    }
}
